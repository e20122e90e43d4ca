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

        var check = await InScope(sp => sp.GetRequiredService<StaffSignIn>().CheckPasswordAsync("New.Senco@Example.com ", Password, Client));
        Assert.Equal(new PasswordResult(PasswordCheck.NeedsAuthenticatorSetup, personId), check);
        var setup = await InScope(sp => sp.GetRequiredService<StaffSignIn>().AuthenticatorSetupAsync(personId));
        var again = await InScope(sp => sp.GetRequiredService<StaffSignIn>().AuthenticatorSetupAsync(personId));
        Assert.Equal(setup!.Key, again!.Key);
        var stored = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().People.SingleAsync(p => p.Id == personId));
        Assert.DoesNotContain(setup.Key, stored.ProtectedTotpSecret);

        Assert.True(await InScope(sp => sp.GetRequiredService<StaffSignIn>().VerifyCodeAsync(personId, Authenticator.CodeAt(setup.Key, Time.GetUtcNow()))));

        var roles = await InScope(sp => sp.GetRequiredService<StaffSignIn>().RolesAsync(personId));
        Assert.Equal([(Role.Senco, "Oakfield Primary School")], roles.Select(r => (r.Role, r.Organisation.Name)));
        Assert.Equal(PasswordCheck.NeedsAuthenticatorCode, (await InScope(sp => sp.GetRequiredService<StaffSignIn>().CheckPasswordAsync("new.senco@example.com", Password, Client))).Outcome);
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

    private const string Client = "192.0.2.1";

    private Task<PasswordCheck> CheckAsync(string email, string password, string client = Client) =>
        InScope(async sp => (await sp.GetRequiredService<StaffSignIn>().CheckPasswordAsync(email, password, client)).Outcome);

    [Fact]
    public async Task FiveWrongPasswords_HoldBackThatClientFor15Minutes_ButNeverLockTheOwnerOut()
    {
        await InviteAndSetPasswordAsync("locked@example.com");
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(PasswordCheck.Rejected, await CheckAsync("locked@example.com", "wrong password " + i));
        }

        Assert.Equal(PasswordCheck.LockedOut, await CheckAsync("locked@example.com", "wrong again"));
        Assert.Equal(PasswordCheck.LockedOut, await CheckAsync("locked@example.com", Password));
        // The caseworker, at their own computer, is not locked out by someone else's guesses.
        Assert.Equal(PasswordCheck.NeedsAuthenticatorSetup, await CheckAsync("locked@example.com", Password, client: "198.51.100.20"));

        Time.Advance(TimeSpan.FromMinutes(16));

        Assert.Equal(PasswordCheck.NeedsAuthenticatorSetup, await CheckAsync("locked@example.com", Password));
    }

    [Fact]
    public async Task AnUnknownEmail_IsAnsweredExactlyLikeARealOne_IncludingBeingHeldBack()
    {
        await InviteAndSetPasswordAsync("real@example.com");
        var real = new List<PasswordCheck>();
        var unknown = new List<PasswordCheck>();
        for (var i = 0; i < 6; i++)
        {
            real.Add(await CheckAsync("real@example.com", "wrong password " + i));
            unknown.Add(await CheckAsync("nobody@example.com", "wrong password " + i));
        }

        Assert.Equal([PasswordCheck.Rejected, PasswordCheck.Rejected, PasswordCheck.Rejected, PasswordCheck.Rejected, PasswordCheck.LockedOut, PasswordCheck.LockedOut], real);
        Assert.Equal(real, unknown);
    }

    [Fact]
    public async Task WrongAuthenticatorCodes_LockTheAccount_WhichIsSaidOnlyToSomeoneWithThePassword()
    {
        var personId = await InviteAndSetPasswordAsync("totp@example.com");
        var setup = await InScope(sp => sp.GetRequiredService<StaffSignIn>().AuthenticatorSetupAsync(personId));
        Assert.True(await InScope(sp => sp.GetRequiredService<StaffSignIn>().VerifyCodeAsync(personId, Authenticator.CodeAt(setup!.Key, Time.GetUtcNow()))));
        var right = Authenticator.CodeAt(setup!.Key, Time.GetUtcNow().AddMinutes(10));
        for (var i = 0; i < 5; i++)
        {
            Assert.False(await InScope(sp => sp.GetRequiredService<StaffSignIn>().VerifyCodeAsync(personId, right == "000000" ? "111111" : "000000")));
        }

        Assert.Equal(PasswordCheck.Rejected, await CheckAsync("totp@example.com", "not the password"));
        Assert.Equal(PasswordCheck.LockedOut, await CheckAsync("totp@example.com", Password));
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
    public async Task GuessingFamilyCodes_LocksTheAddressForAnHour_WhateverCodesAreAskedFor()
    {
        var signIn = (Func<IServiceProvider, FamilySignIn>)(sp => sp.GetRequiredService<FamilySignIn>());
        async Task<string> NewCodeAsync()
        {
            Assert.True(await InScope(sp => signIn(sp).SendCodeAsync("target@example.com")));
            var email = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Outbox.Where(m => m.Recipient == "target@example.com").OrderByDescending(m => m.CreatedAt).FirstAsync());
            return Regex.Match(email.Body, @"\b\d{6}\b").Value;
        }

        // Ten wrong guesses spread over three codes (no code reaches its own limit of five).
        for (var round = 0; round < 3; round++)
        {
            var code = await NewCodeAsync();
            for (var i = 0; i < (round < 2 ? 4 : 2); i++)
            {
                Assert.Null(await InScope(sp => signIn(sp).VerifyCodeAsync("target@example.com", code == "123456" ? "654321" : "123456")));
            }

            Time.Advance(TimeSpan.FromMinutes(1));
        }

        var right = await NewCodeAsync();
        Assert.True(await InScope(sp => signIn(sp).IsLockedOutAsync("target@example.com")));
        Assert.Null(await InScope(sp => signIn(sp).VerifyCodeAsync("target@example.com", right)));

        Time.Advance(FamilySignIn.ThrottleWindow);
        Assert.False(await InScope(sp => signIn(sp).IsLockedOutAsync("target@example.com")));
        var afterTheHour = await NewCodeAsync();
        Assert.NotNull(await InScope(sp => signIn(sp).VerifyCodeAsync("target@example.com", afterTheHour)));
    }

    [Fact]
    public async Task NoMoreThanFiveCodesAnHour_AreSentToOneAddress()
    {
        var sent = new List<bool>();
        for (var i = 0; i < 6; i++)
        {
            sent.Add(await InScope(sp => sp.GetRequiredService<FamilySignIn>().SendCodeAsync("inbox@example.com")));
            Time.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Equal([true, true, true, true, true, false], sent);
        Assert.Equal(5, await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Outbox.CountAsync(m => m.Recipient == "inbox@example.com")));
        Time.Advance(TimeSpan.FromMinutes(31));
        Assert.True(await InScope(sp => sp.GetRequiredService<FamilySignIn>().SendCodeAsync("inbox@example.com")));
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
    public async Task SignInAndAccountEvents_AreAudited_WithTheAddressTriedAndWhereFrom()
    {
        var personId = await InviteAndSetPasswordAsync("audited@example.com");
        await CheckAsync("nobody.here@example.com", "a guess");
        await CheckAsync("audited@example.com", "wrong password");
        await CheckAsync("audited@example.com", Password);
        var setup = await InScope(sp => sp.GetRequiredService<StaffSignIn>().AuthenticatorSetupAsync(personId));
        await InScope(sp => sp.GetRequiredService<StaffSignIn>().VerifyCodeAsync(personId, Authenticator.CodeAt(setup!.Key, Time.GetUtcNow())));
        Time.Advance(TimeSpan.FromSeconds(31));
        await InScope(sp => sp.GetRequiredService<StaffSignIn>().VerifyCodeAsync(personId, Authenticator.CodeAt(setup!.Key, Time.GetUtcNow())));

        var events = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.Where(a => a.AssessmentId == null && (a.Action.StartsWith("sign-in.") || a.Action.StartsWith("account.")))
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.Detail, a.SourceAddress, a.ActorName }).ToListAsync());

        Assert.Equal(new[] { AuditActions.PasswordSet, AuditActions.PasswordRefused, AuditActions.PasswordRefused, AuditActions.AuthenticatorSetUp, AuditActions.SignedIn }.Select(a => a.Code), events.Select(e => e.Action));
        Assert.Equal(("nobody.here@example.com", Client, "Unknown address"), (events[1].Detail, events[1].SourceAddress, events[1].ActorName));
        Assert.Equal(("audited@example.com", Client), (events[2].Detail, events[2].SourceAddress));
    }

    [Fact]
    public async Task AnAdministrator_CannotGiveThemselvesARoleThatReadsChildrensRecords_ButAnotherAdministratorCan()
    {
        var adminId = await InviteAndSetPasswordAsync("admin.self@example.com");
        await InScope(sp => sp.GetRequiredService<PeopleDirectory>().AddStaffAsync(AdministratorOf("999"), _organisations["999"].Id, "Ann Self", "admin.self@example.com", Role.Administrator));
        var herself = new RequestContext(new Actor("admin.self", "Ann Self", "Administrator", _organisations["999"].Name), Viewer.Staff(adminId, Role.Administrator, _organisations["999"]), null);

        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => sp.GetRequiredService<PeopleDirectory>().AddStaffAsync(herself, _organisations["999"].Id, "Ann Self", "admin.self@example.com", Role.LaSendManager)));
        Assert.Equal("cannot-grant-yourself", refused.Code);
        Assert.DoesNotContain(Role.LaSendManager, (await InScope(sp => sp.GetRequiredService<StaffSignIn>().RolesAsync(adminId))).Select(r => r.Role));

        await InScope(sp => sp.GetRequiredService<PeopleDirectory>().AddStaffAsync(AdministratorOf("999"), _organisations["999"].Id, "Ann Self", "admin.self@example.com", Role.LaSendManager));
        Assert.Contains(Role.LaSendManager, (await InScope(sp => sp.GetRequiredService<StaffSignIn>().RolesAsync(adminId))).Select(r => r.Role));
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
