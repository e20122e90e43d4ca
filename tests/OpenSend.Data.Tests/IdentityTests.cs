using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Demo;
using OpenSend.Data.Identity;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Testing;

namespace OpenSend.Data.Tests;

/// <summary>Staff sign-in with a password and an authenticator app, family sign-in with an emailed code, and administrators managing staff.</summary>
public abstract class IdentityTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    private const string Password = "correct horse battery staple";

    private Dictionary<string, Organisation> _organisations = default!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _organisations = await InScope(sp => sp.GetRequiredService<DemoData>().SeedOrganisationsAsync());
    }

    private RequestContext AdministratorOf(string code) =>
        new(new Actor("admin", "Ann Admin", "Administrator", _organisations[code].Name), Viewer.Staff(Guid.NewGuid(), Role.Administrator, _organisations[code]), null);

    private async Task<Guid> InviteAndSetPasswordAsync(string email)
    {
        var token = await InScope(sp => sp.GetRequiredService<PeopleDirectory>().AddStaffAsync(AdministratorOf("999001"), _organisations["999001"].Id, "New Senco", email, Role.Senco));
        Assert.NotNull(token);
        var personId = await InScope(sp => sp.GetRequiredService<StaffSignIn>().SetPasswordAsync(token!, Password));
        return personId!.Value;
    }

    [Fact]
    public async Task ANewMemberOfStaff_IsInvited_SetsAPassword_AndSetsUpTheirAuthenticator()
    {
        var personId = await InviteAndSetPasswordAsync("new.senco@example.com");
        var invitation = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Outbox.SingleAsync(m => m.Recipient == "new.senco@example.com"));
        Assert.Contains("https://opensend.test/account/set-password?token=", invitation.Body);

        var check = await InScope(sp => sp.GetRequiredService<StaffSignIn>().CheckPasswordAsync("New.Senco@Example.com ", Password));
        Assert.Equal(new PasswordResult(PasswordCheck.NeedsAuthenticatorSetup, personId), check);
        var setup = await InScope(sp => sp.GetRequiredService<StaffSignIn>().AuthenticatorSetupAsync(personId));
        var again = await InScope(sp => sp.GetRequiredService<StaffSignIn>().AuthenticatorSetupAsync(personId));
        Assert.Equal(setup!.Key, again!.Key);
        var stored = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().People.SingleAsync(p => p.Id == personId));
        Assert.DoesNotContain(setup.Key, stored.ProtectedTotpSecret);

        Assert.True(await InScope(sp => sp.GetRequiredService<StaffSignIn>().VerifyCodeAsync(personId, Authenticator.CodeAt(setup.Key, Time.GetUtcNow()))));

        var roles = await InScope(sp => sp.GetRequiredService<StaffSignIn>().RolesAsync(personId));
        Assert.Equal([(Role.Senco, "Oakfield Primary School")], roles.Select(r => (r.Role, r.Organisation.Name)));
        Assert.Equal(PasswordCheck.NeedsAuthenticatorCode, (await InScope(sp => sp.GetRequiredService<StaffSignIn>().CheckPasswordAsync("new.senco@example.com", Password))).Outcome);
    }

    [Fact]
    public async Task AnAuthenticatorCode_WorksOnlyOnce()
    {
        var personId = await InviteAndSetPasswordAsync("once@example.com");
        var setup = await InScope(sp => sp.GetRequiredService<StaffSignIn>().AuthenticatorSetupAsync(personId));
        Assert.True(await InScope(sp => sp.GetRequiredService<StaffSignIn>().VerifyCodeAsync(personId, Authenticator.CodeAt(setup!.Key, Time.GetUtcNow()))));
        Time.Advance(TimeSpan.FromSeconds(31));
        var code = Authenticator.CodeAt(setup!.Key, Time.GetUtcNow());

        Assert.True(await InScope(sp => sp.GetRequiredService<StaffSignIn>().VerifyCodeAsync(personId, code)));
        Assert.False(await InScope(sp => sp.GetRequiredService<StaffSignIn>().VerifyCodeAsync(personId, code)));
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccountFor15Minutes_EvenAgainstTheRightPassword()
    {
        await InviteAndSetPasswordAsync("locked@example.com");
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(PasswordCheck.Rejected, (await InScope(sp => sp.GetRequiredService<StaffSignIn>().CheckPasswordAsync("locked@example.com", "wrong password " + i))).Outcome);
        }

        Assert.Equal(PasswordCheck.LockedOut, (await InScope(sp => sp.GetRequiredService<StaffSignIn>().CheckPasswordAsync("locked@example.com", "wrong again"))).Outcome);
        Assert.Equal(PasswordCheck.LockedOut, (await InScope(sp => sp.GetRequiredService<StaffSignIn>().CheckPasswordAsync("locked@example.com", Password))).Outcome);

        Time.Advance(TimeSpan.FromMinutes(16));

        Assert.Equal(PasswordCheck.NeedsAuthenticatorSetup, (await InScope(sp => sp.GetRequiredService<StaffSignIn>().CheckPasswordAsync("locked@example.com", Password))).Outcome);
    }

    [Fact]
    public async Task AnUnknownEmail_IsRejectedLikeAWrongPassword()
    {
        var result = await InScope(sp => sp.GetRequiredService<StaffSignIn>().CheckPasswordAsync("nobody@example.com", Password));

        Assert.Equal(new PasswordResult(PasswordCheck.Rejected), result);
    }

    [Fact]
    public async Task AFamilyMember_SignsInWithTheEmailedCode_WhichWorksOnceAndExpires()
    {
        await InScope(sp => sp.GetRequiredService<FamilySignIn>().SendCodeAsync("Parent@Example.com"));
        var email = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Outbox.SingleAsync(m => m.Recipient == "parent@example.com"));
        var code = Regex.Match(email.Body, @"\b\d{6}\b").Value;

        Assert.Null(await InScope(sp => sp.GetRequiredService<FamilySignIn>().VerifyCodeAsync("parent@example.com", code == "000000" ? "111111" : "000000")));
        var person = await InScope(sp => sp.GetRequiredService<FamilySignIn>().VerifyCodeAsync("parent@example.com", code));
        Assert.Equal(PersonKind.Family, person!.Kind);
        Assert.Null(await InScope(sp => sp.GetRequiredService<FamilySignIn>().VerifyCodeAsync("parent@example.com", code)));

        await InScope(sp => sp.GetRequiredService<FamilySignIn>().SendCodeAsync("parent@example.com"));
        var second = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Outbox.Where(m => m.Recipient == "parent@example.com").OrderByDescending(m => m.CreatedAt).FirstAsync());
        Time.Advance(TimeSpan.FromMinutes(16));
        Assert.Null(await InScope(sp => sp.GetRequiredService<FamilySignIn>().VerifyCodeAsync("parent@example.com", Regex.Match(second.Body, @"\b\d{6}\b").Value)));
    }

    [Fact]
    public async Task AFamilyCode_CannotBeGuessedMoreThanFiveTimes()
    {
        await InScope(sp => sp.GetRequiredService<FamilySignIn>().SendCodeAsync("guess@example.com"));
        var email = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Outbox.SingleAsync(m => m.Recipient == "guess@example.com"));
        var code = Regex.Match(email.Body, @"\b\d{6}\b").Value;
        var wrong = code == "123456" ? "654321" : "123456";
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(await InScope(sp => sp.GetRequiredService<FamilySignIn>().VerifyCodeAsync("guess@example.com", wrong)));
        }

        Assert.Null(await InScope(sp => sp.GetRequiredService<FamilySignIn>().VerifyCodeAsync("guess@example.com", code)));
    }

    [Fact]
    public async Task AStaffEmail_CannotSignInAsAFamily()
    {
        await InviteAndSetPasswordAsync("staff.member@example.com");
        await InScope(sp => sp.GetRequiredService<FamilySignIn>().SendCodeAsync("staff.member@example.com"));
        var email = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Outbox.Where(m => m.Recipient == "staff.member@example.com").OrderByDescending(m => m.CreatedAt).FirstAsync());

        Assert.DoesNotMatch(@"\b\d{6}\b", email.Body);
    }

    [Fact]
    public async Task RemovingAMemberOfStaff_EndsTheirRole_AndOnlyTheirAdministratorCanDoIt()
    {
        var personId = await InviteAndSetPasswordAsync("leaver@example.com");
        var membership = (await InScope(sp => sp.GetRequiredService<StaffSignIn>().RolesAsync(personId))).Single();
        var stranger = AdministratorOf("999002");

        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => sp.GetRequiredService<PeopleDirectory>().RemoveStaffAsync(stranger, _organisations["999001"].Id, membership.MembershipId)));
        Assert.Equal("not-an-administrator", refused.Code);

        await InScope(sp => sp.GetRequiredService<PeopleDirectory>().RemoveStaffAsync(AdministratorOf("999001"), _organisations["999001"].Id, membership.MembershipId));

        Assert.Empty(await InScope(sp => sp.GetRequiredService<StaffSignIn>().RolesAsync(personId)));
        Assert.False(await InScope(sp => sp.GetRequiredService<PeopleDirectory>().IsActiveMembershipAsync(membership.MembershipId)));
        Assert.True(await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.AnyAsync(a => a.Action == "staff.removed")));
    }

    [Fact]
    public async Task ARoleThatDoesNotBelongToTheOrganisation_IsRefused()
    {
        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp =>
            sp.GetRequiredService<PeopleDirectory>().AddStaffAsync(AdministratorOf("999001"), _organisations["999001"].Id, "Someone", "someone@example.com", Role.LaCaseworker)));

        Assert.Equal("role-not-for-organisation", refused.Code);
    }
}

public sealed class IdentityTests_Sqlite(PostgresServer postgres) : IdentityTests(TestProvider.Sqlite, postgres);

public sealed class IdentityTests_PostgreSql(PostgresServer postgres) : IdentityTests(TestProvider.PostgreSql, postgres);
