using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Demo;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Timescales;
using OpenSend.Testing;

namespace OpenSend.Data.Tests;

/// <summary>Who sees which child's case (Access/CaseAccess), on both providers.</summary>
public abstract class AccessTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    private Dictionary<string, Organisation> _organisations = default!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _organisations = await InScope(sp => sp.GetRequiredService<DemoData>().SeedOrganisationsAsync());
    }

    private Viewer StaffOf(string organisationCode, Role role) => Viewer.Staff(Guid.NewGuid(), role, _organisations[organisationCode]);


    private Task<CaseAccessLevel> LevelAsync(Viewer viewer, Guid id) => InScope(sp => sp.GetRequiredService<OpenSendDbContext>().LevelAsync(viewer, id));

    [Fact]
    public async Task ASetting_SeesOnlyTheCasesItIsLinkedTo_AndLosesThemWhenTheLinkEnds()
    {
        var linked = await ReceiveAsync(givenName: "Linked");
        var other = await ReceiveAsync(givenName: "Other");
        await InScope(sp => sp.GetRequiredService<CaseLinks>().LinkSettingAsync(In999, linked.Id, _organisations["999001"].Id, SettingRelationship.CurrentSetting));
        var senco = StaffOf("999001", Role.Senco);

        Assert.Equal(CaseAccessLevel.Read, await LevelAsync(senco, linked.Id));
        Assert.Equal(CaseAccessLevel.None, await LevelAsync(senco, other.Id));
        Assert.Equal(CaseAccessLevel.None, await LevelAsync(StaffOf("999002", Role.Senco), linked.Id));

        var connections = await InScope(sp => sp.GetRequiredService<CaseLinks>().ConnectionsAsync(In999, linked.Id));
        await InScope(sp => sp.GetRequiredService<CaseLinks>().EndSettingLinkAsync(In999, linked.Id, connections.Settings.Single().LinkId));

        Assert.Equal(CaseAccessLevel.None, await LevelAsync(senco, linked.Id));
    }

    [Fact]
    public async Task AnAdviser_ContributesUntilTheAdviceIsIn_ThenOnlyReads()
    {
        var submitted = await ReceiveAsync(receivedOn: new DateOnly(2026, 5, 1));
        var advice = await InScope(async sp =>
        {
            var cases = sp.GetRequiredService<AssessmentCases>();
            await cases.DecideToAssessAsync(In999, submitted.Id, new DateOnly(2026, 6, 1), "");
            return await cases.RequestAdviceAsync(In999, submitted.Id, AdviserKind.Health, "Community paediatrics", new DateOnly(2026, 6, 2), _organisations["ICB-999"].Id);
        });
        var doctor = StaffOf("ICB-999", Role.HealthAdviser);

        Assert.Equal(CaseAccessLevel.Contribute, await LevelAsync(doctor, submitted.Id));
        Assert.Equal(CaseAccessLevel.None, await LevelAsync(StaffOf("SC-999", Role.SocialCareAdviser), submitted.Id));

        await InScope(sp => sp.GetRequiredService<AssessmentCases>().RecordAdviceReceivedAsync(In999, submitted.Id, advice.Id, new DateOnly(2026, 6, 10)));

        Assert.Equal(CaseAccessLevel.Read, await LevelAsync(doctor, submitted.Id));
    }

    [Fact]
    public async Task AnAdvisersAccess_Ends28DaysAfterTheirAdviceIsIn()
    {
        var submitted = await ReceiveAsync(receivedOn: new DateOnly(2026, 5, 1));
        await InScope(async sp =>
        {
            var cases = sp.GetRequiredService<AssessmentCases>();
            await cases.DecideToAssessAsync(In999, submitted.Id, new DateOnly(2026, 6, 1), "");
            var advice = await cases.RequestAdviceAsync(In999, submitted.Id, AdviserKind.Health, "Community paediatrics", new DateOnly(2026, 6, 2), _organisations["ICB-999"].Id);
            await cases.RecordAdviceReceivedAsync(In999, submitted.Id, advice.Id, new DateOnly(2026, 6, 10));
        });
        var doctor = StaffOf("ICB-999", Role.HealthAdviser);

        // 10 June + 28 days: 8 July is the last day the adviser reads the case.
        Time.Advance(new DateTimeOffset(2026, 7, 8, 11, 0, 0, TimeSpan.Zero) - Time.GetUtcNow());
        Assert.Equal(CaseAccessLevel.Read, await LevelAsync(doctor, submitted.Id));
        Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(CaseAccessLevel.None, await LevelAsync(doctor, submitted.Id));
        Assert.Empty(await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().ReadableBy(doctor).ToListAsync()));
    }

    [Fact]
    public async Task APanelMember_SeesTheCasesAwaitingThePanel_AndNoLongerOnceItHasRecommended()
    {
        await InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenSendDbContext>();
            var demoshire = await db.LocalAuthorities.SingleAsync(l => l.Code == "999");
            demoshire.AdoptRuleSet(RuleSetCatalogue.GreenPaper2022Id, new DateOnly(2026, 1, 1));
            await db.SaveChangesAsync();
        });
        var awaiting = await ReceiveAsync(givenName: "Awaiting");
        var panel = StaffOf("PANEL-999", Role.PanelMember);

        Assert.Equal(CaseAccessLevel.Read, await LevelAsync(panel, awaiting.Id));

        await InScope(sp => sp.GetRequiredService<AssessmentCases>().RecordPanelRecommendationAsync(In999, awaiting.Id, PanelQuestion.WhetherToAssess, PanelRecommendationOutcome.Yes, new DateOnly(2026, 6, 15), ""));

        Assert.Equal(CaseAccessLevel.None, await LevelAsync(panel, awaiting.Id));
    }

    [Fact]
    public async Task AFamily_SeesOnlyTheirOwnLinkedChild_UntilTheLinkIsRevoked()
    {
        var theirs = await ReceiveAsync(givenName: "Theirs");
        var someoneElses = await ReceiveAsync(givenName: "NotTheirs");
        await InScope(sp => sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(In999, theirs.Id, "parent@example.com", Role.Parent));
        var person = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().People.SingleAsync(p => p.Email == "parent@example.com"));
        var family = Viewer.Family(person.Id);

        Assert.Equal(CaseAccessLevel.Read, await LevelAsync(family, theirs.Id));
        Assert.Equal(CaseAccessLevel.None, await LevelAsync(family, someoneElses.Id));
        var listed = await InScope(sp => sp.GetRequiredService<AssessmentQueries>().CaseloadAsync(As(family), new CaseloadFilter(AllStages: true)));
        Assert.Equal([theirs.Id], listed.Rows.Select(r => r.Id));

        var link = (await InScope(sp => sp.GetRequiredService<CaseLinks>().ConnectionsAsync(In999, theirs.Id))).Family.Single();
        await InScope(sp => sp.GetRequiredService<CaseLinks>().RevokeFamilyAsync(In999, theirs.Id, link.LinkId));

        Assert.Equal(CaseAccessLevel.None, await LevelAsync(family, theirs.Id));
    }

    [Fact]
    public async Task WhoHasLookedAtTheRecord_IsInTheFamilysWordsForTheFamily_AndStaffWordsForStaff()
    {
        var theirs = await ReceiveAsync(givenName: "Theirs");
        await InScope(sp => sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(In999, theirs.Id, "parent@example.com", Role.Parent));
        var person = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().People.SingleAsync(p => p.Email == "parent@example.com"));
        await InScope(sp => sp.GetRequiredService<AssessmentQueries>().GetCaseAsync(In999, theirs.Id));

        var forFamily = await InScope(sp => sp.GetRequiredService<AssessmentQueries>().AccessLogAsync(As(Viewer.Family(person.Id)), theirs.Id));
        var forStaff = await InScope(sp => sp.GetRequiredService<AssessmentQueries>().AccessLogAsync(In999, theirs.Id));

        Assert.Equal(["Looked at the record", "Gave a family account access", "Recorded the request"], forFamily.Select(e => e.What));
        Assert.Equal(["Looked at the case", "Gave a family account access to the case", "Recorded the request for an assessment"], forStaff.Select(e => e.What));
        Assert.DoesNotContain(forFamily.Concat(forStaff), e => e.What.Contains('.', StringComparison.Ordinal));
    }

    private Task<RequestContext> FamilyAccountAsync(string email) => InScope(async sp =>
    {
        var db = sp.GetRequiredService<OpenSendDbContext>();
        var created = new Person(Guid.NewGuid(), PersonKind.Family, email, email, Time.GetUtcNow());
        db.People.Add(created);
        await db.SaveChangesAsync();
        return As(Viewer.Family(created.Id));
    });

    private Task<Guid> ClaimAsync(RequestContext family, string token) =>
        InScope(sp => sp.GetRequiredService<CaseLinks>().ClaimWithTrackingTokenAsync(family, token));

    [Fact]
    public async Task ATrackingLink_AddsTheRequestToOneAccount_ThenIsUsedUp()
    {
        var submitted = await ReceiveAsync();
        var first = await FamilyAccountAsync("first@example.com");
        var second = await FamilyAccountAsync("second@example.com");

        await ClaimAsync(first, submitted.TrackingToken);
        await ClaimAsync(first, submitted.TrackingToken);
        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => ClaimAsync(second, submitted.TrackingToken));

        Assert.Equal("tracking-link-used", refused.Code);
        Assert.Equal(CaseAccessLevel.None, await LevelAsync(second.Viewer, submitted.Id));
        var link = (await InScope(sp => sp.GetRequiredService<CaseLinks>().ConnectionsAsync(In999, submitted.Id))).Family.Single();
        Assert.Equal(Role.Parent, link.Relationship);
    }

    [Fact]
    public async Task AFamilyMemberWhoseAccessWasEnded_CannotClaimItBack_EvenWithANewLink()
    {
        var submitted = await ReceiveAsync();
        var family = await FamilyAccountAsync("ended@example.com");
        await ClaimAsync(family, submitted.TrackingToken);
        var link = (await InScope(sp => sp.GetRequiredService<CaseLinks>().ConnectionsAsync(In999, submitted.Id))).Family.Single();
        await InScope(sp => sp.GetRequiredService<CaseLinks>().RevokeFamilyAsync(In999, submitted.Id, link.LinkId));
        var newLink = await InScope(sp => sp.GetRequiredService<CaseLinks>().ReplaceTrackingLinkAsync(In999, submitted.Id));

        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => ClaimAsync(family, newLink[(newLink.LastIndexOf('/') + 1)..]));

        Assert.Equal("family-access-ended", refused.Code);
        Assert.Equal(CaseAccessLevel.None, await LevelAsync(family.Viewer, submitted.Id));
    }

    [Fact]
    public async Task TheLa_SendsANewTrackingLink_TheOldStopsWorking_AndTheNewAddsTheRequestOnce()
    {
        var submitted = await ReceiveAsync();
        var holder = await FamilyAccountAsync("holder@example.com");
        await ClaimAsync(holder, submitted.TrackingToken);
        var parent = await FamilyAccountAsync("parent@example.com");

        var newLink = await InScope(sp => sp.GetRequiredService<CaseLinks>().ReplaceTrackingLinkAsync(In999, submitted.Id));

        await Assert.ThrowsAsync<CaseNotFoundException>(() => ClaimAsync(parent, submitted.TrackingToken));
        Assert.Equal(submitted.Id, await ClaimAsync(parent, newLink[(newLink.LastIndexOf('/') + 1)..]));
        var email = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Outbox.SingleAsync(m => m.Kind == CaseLinks.NewTrackingLinkKind));
        Assert.Equal("pat@example.com", email.Recipient);
        Assert.Contains(newLink, email.Body);
        await Assert.ThrowsAsync<CaseAccessDeniedException>(() => InScope(sp => sp.GetRequiredService<CaseLinks>().ReplaceTrackingLinkAsync(As(Viewer.Family(parent.Viewer.PersonId!.Value)), submitted.Id)));
    }

    [Fact]
    public async Task ASchoolsRequest_CannotBeClaimedByAFamilyWithItsLink()
    {
        var submitted = await InScope(sp => sp.GetRequiredService<AssessmentCases>().ReceiveAsync(
            RequestContext.Public("127.0.0.1", "Jo Whitfield"),
            new AssessmentRequestSubmission("999", RequesterKind.SchoolOrCollege, "Jo Whitfield", "senco@oakfield.example", null, "Oakfield Primary School", "Ada", "Example",
                new DateOnly(2018, 3, 14), "Needs not met at SEN support.", true), null));
        var family = await FamilyAccountAsync("someone@example.com");

        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => ClaimAsync(family, submitted.TrackingToken));

        Assert.Equal("not-the-familys-request", refused.Code);
        Assert.Equal(CaseAccessLevel.None, await LevelAsync(family.Viewer, submitted.Id));
    }

    [Fact]
    public async Task AFamily_ClaimsARequestWithItsTrackingLink()
    {
        var submitted = await ReceiveAsync();
        var family = await FamilyAccountAsync("holder@example.com");

        var id = await InScope(sp => sp.GetRequiredService<CaseLinks>().ClaimWithTrackingTokenAsync(family, submitted.TrackingToken));

        Assert.Equal(submitted.Id, id);
        Assert.Equal(CaseAccessLevel.Read, await LevelAsync(family.Viewer, submitted.Id));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => InScope(sp => sp.GetRequiredService<CaseLinks>().ClaimWithTrackingTokenAsync(family, "not-a-token")));
    }

    [Fact]
    public async Task TheDfe_AnAdministratorAndTheManagerOfAnotherCouncil_SeeNoChild()
    {
        var submitted = await ReceiveAsync();

        Assert.Equal(CaseAccessLevel.None, await LevelAsync(StaffOf("DFE", Role.DfeAnalyst), submitted.Id));
        Assert.Equal(CaseAccessLevel.None, await LevelAsync(StaffOf("999", Role.Administrator), submitted.Id));
        Assert.Equal(CaseAccessLevel.None, await LevelAsync(StaffOf("998", Role.LaSendManager), submitted.Id));
        Assert.Equal(CaseAccessLevel.None, await LevelAsync(Viewer.Public, submitted.Id));
        Assert.Equal(CaseAccessLevel.Manage, await LevelAsync(StaffOf("999", Role.LaSendManager), submitted.Id));
    }

    [Fact]
    public async Task ASetting_ThatCanSeeACase_CannotRecordItsStatutorySteps()
    {
        var submitted = await ReceiveAsync();
        await InScope(sp => sp.GetRequiredService<CaseLinks>().LinkSettingAsync(In999, submitted.Id, _organisations["999001"].Id, SettingRelationship.CurrentSetting));

        await Assert.ThrowsAsync<CaseAccessDeniedException>(() => InScope(sp =>
            sp.GetRequiredService<AssessmentCases>().DecideToAssessAsync(As(StaffOf("999001", Role.Senco)), submitted.Id, new DateOnly(2026, 6, 15), "")));
    }

    [Fact]
    public async Task ARequestMadeBySignedInSetting_LinksTheSetting_AndOneMadeBySignedInParent_LinksTheParent()
    {
        var senco = StaffOf("999001", Role.Senco);
        var fromSchool = await InScope(sp => sp.GetRequiredService<AssessmentCases>().ReceiveAsync(As(senco),
            new AssessmentRequestSubmission("999", RequesterKind.SchoolOrCollege, "Jo Whitfield", "jo@example.com", null, "Oakfield", "Ada", "Example", new DateOnly(2018, 3, 14), "Needs.", true)));
        var parent = await InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenSendDbContext>();
            var created = new Person(Guid.NewGuid(), PersonKind.Family, "mum@example.com", "mum@example.com", Time.GetUtcNow());
            db.People.Add(created);
            await db.SaveChangesAsync();
            return created;
        });
        var fromParent = await InScope(sp => sp.GetRequiredService<AssessmentCases>().ReceiveAsync(As(Viewer.Family(parent.Id)),
            new AssessmentRequestSubmission("999", RequesterKind.Parent, "Mum", "mum@example.com", null, null, "Bea", "Example", new DateOnly(2018, 3, 14), "Needs.", true)));

        Assert.Equal(CaseAccessLevel.Read, await LevelAsync(senco, fromSchool.Id));
        Assert.Equal(CaseAccessLevel.Read, await LevelAsync(Viewer.Family(parent.Id), fromParent.Id));
        Assert.Equal(CaseAccessLevel.None, await LevelAsync(Viewer.Family(parent.Id), fromSchool.Id));
    }
}

public sealed class AccessTests_Sqlite(PostgresServer postgres) : AccessTests(TestProvider.Sqlite, postgres);

public sealed class AccessTests_PostgreSql(PostgresServer postgres) : AccessTests(TestProvider.PostgreSql, postgres);
