using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Partnerships;
using OpenSend.Domain.Timescales;

namespace OpenSend.Web.Tests;

/// <summary>
/// Every page and endpoint the app registers (read from its own endpoint data source, so a new one
/// cannot be forgotten), tried as every kind of user against their own child, another child in the
/// same LA and a child in another LA: allowed exactly where the access rules say, and a denied
/// response never contains a child's name.
/// </summary>
public sealed class AccessMatrixTests(SqliteApp app) : IClassFixture<SqliteApp>, IAsyncLifetime
{
    private enum Rule
    {
        Public,

        /// <summary>Error pages and the later steps of sign-in: their status depends on state, not on who asks; only leaks are checked.</summary>
        AnyOutcome,
        TokenCapability,
        StaffList,
        LaStaffOnly,
        CaseRead,
        CaseManage,
        CaseManagerOnly,

        /// <summary>One request for advice: the organisation asked (to write it) and the LA's staff (to read it).</summary>
        AdviceRequest,

        /// <summary>Lists for the LA's staff and settings: the review board and a setting's own reviews; provision reported not delivered.</summary>
        ReviewList,

        /// <summary>What the setting the child attends records for them (provision delivered): its staff only, not the council's.</summary>
        SettingOfTheChild,

        /// <summary>A review's meeting and report: the LA's staff and the setting that leads the review.</summary>
        ReviewLead,
        FamilyList,
        FamilyCase,

        /// <summary>A case's tailored list and preferences through the API: everyone who may see the case, the family included.</summary>
        CaseReadWithFamily,

        /// <summary>A setting's own consultations.</summary>
        SettingStaffOnly,
        AdministratorOnly,
        LaManagerOnly,

        /// <summary>The Department for Education's staff: which areas run the green paper's rules.</summary>
        DfeOnly,
        DevelopmentTool,
    }

    /// <summary>Every route, classified. A route missing here fails the test: decide its rule when you add it.</summary>
    private static readonly Dictionary<string, Rule> Rules = new()
    {
        [""] = Rule.Public,
        ["openapi/{documentName}.json"] = Rule.Public,
        ["error/{code:int}"] = Rule.AnyOutcome,
        ["timeline-calculator"] = Rule.Public,
        ["timeline-calculator/redress"] = Rule.Public,
        ["api/timescales/appeal"] = Rule.Public,
        ["api/timescales/tribunal-order"] = Rule.Public,
        ["api/timescales/unopposed-appeal"] = Rule.Public,
        ["api/timescales/tribunal-recommendation"] = Rule.Public,
        ["cases/{id:guid}/redress"] = Rule.CaseRead,
        ["cases/{id:guid}/redress/mediation/start"] = Rule.CaseManage,
        ["cases/{id:guid}/redress/mediations/{mediationId:guid}"] = Rule.CaseRead,
        ["cases/{id:guid}/redress/appeal/register"] = Rule.CaseManage,
        ["cases/{id:guid}/redress/appeals/{appealId:guid}"] = Rule.CaseRead,
        ["cases/{id:guid}/decide-to-cease"] = Rule.CaseManage,
        ["cases/{id:guid}/reassessment"] = Rule.CaseManage,
        ["mediation"] = Rule.StaffList,
        ["mediation-and-appeals"] = Rule.LaStaffOnly,
        ["mediation-and-appeals/complaint-times"] = Rule.LaManagerOnly,
        ["cases/{id:guid}/redress/complaints/{complaintId:guid}"] = Rule.CaseRead,
        ["your-requests/{id:guid}/redress"] = Rule.FamilyCase,
        ["health"] = Rule.Public,
        ["health/ready"] = Rule.Public,
        ["api/timescales/annual-review"] = Rule.Public,
        ["api/timescales/draft-plan"] = Rule.Public,
        ["api/timescales/needs-assessment"] = Rule.Public,
        ["api/timescales/phase-transfer"] = Rule.Public,
        ["api/assessment-requests"] = Rule.Public,
        ["request"] = Rule.Public,
        ["request/check"] = Rule.Public,
        ["request/child-name"] = Rule.Public,
        ["request/consent"] = Rule.Public,
        ["request/council"] = Rule.Public,
        ["request/date-of-birth"] = Rule.Public,
        ["request/reason"] = Rule.Public,
        ["request/sent"] = Rule.Public,
        ["request/who"] = Rule.Public,
        ["request/your-details"] = Rule.Public,
        ["sign-in"] = Rule.Public,
        ["sign-in/authenticator"] = Rule.AnyOutcome,
        ["sign-in/family"] = Rule.Public,
        ["sign-in/family/code"] = Rule.AnyOutcome,
        ["sign-in/organisation"] = Rule.AnyOutcome,
        ["sign-out"] = Rule.Public,
        ["account/set-password"] = Rule.Public,
        ["track/{token}"] = Rule.TokenCapability,
        ["api/tracking/{token}"] = Rule.TokenCapability,
        ["caseload"] = Rule.StaffList,
        ["api/cases/"] = Rule.StaffList,
        ["caseload/record-request"] = Rule.LaStaffOnly,
        ["caseload/receive-transfer"] = Rule.LaStaffOnly,
        ["api/plan-transfers"] = Rule.LaStaffOnly,
        ["cases/{id:guid}/transfer-notice"] = Rule.CaseManage,
        ["api/cases/{id:guid}/plan/transfer"] = Rule.CaseManage,
        ["cases/{id:guid}"] = Rule.CaseRead,
        ["api/cases/{id:guid}/"] = Rule.CaseRead,
        ["api/cases/{id:guid}/access-log"] = Rule.CaseRead,
        ["cases/{id:guid}/access-log"] = Rule.CaseManage,
        ["cases/{id:guid}/advice-received"] = Rule.CaseManage,
        ["cases/{id:guid}/assessment-decision"] = Rule.CaseManage,
        ["cases/{id:guid}/draft-plan-served"] = Rule.CaseManage,
        ["cases/{id:guid}/exception"] = Rule.CaseManage,
        ["cases/{id:guid}/family-access"] = Rule.CaseManage,
        ["cases/{id:guid}/final-plan-issued"] = Rule.CaseManage,
        ["cases/{id:guid}/issue-decision"] = Rule.CaseManage,
        ["cases/{id:guid}/panel-recommendation"] = Rule.CaseManage,
        ["cases/{id:guid}/representations"] = Rule.CaseManage,
        ["cases/{id:guid}/request-advice"] = Rule.CaseManage,
        ["cases/{id:guid}/settings"] = Rule.CaseManage,
        ["cases/{id:guid}/transfer-out"] = Rule.CaseManage,
        ["cases/{id:guid}/withdrawal"] = Rule.CaseManage,
        ["cases/{id:guid}/request-details"] = Rule.CaseManage,
        ["cases/{id:guid}/draft-plan-meeting"] = Rule.CaseManage,
        ["cases/{id:guid}/cease-plan"] = Rule.CaseManage,
        ["cases/{id:guid}/child-details"] = Rule.CaseManage,
        ["cases/{id:guid}/keep-plan"] = Rule.CaseManage,
        ["cases/{id:guid}/caseworker"] = Rule.CaseManage,
        ["cases/{id:guid}/documents/{documentId:guid}/withhold"] = Rule.CaseManage,
        ["cases/{id:guid}/placement"] = Rule.CaseManage,
        ["cases/{id:guid}/placement/propose"] = Rule.CaseManage,
        ["cases/{id:guid}/placement/add"] = Rule.CaseManage,
        ["cases/{id:guid}/placement/remove/{urn}"] = Rule.CaseManage,
        ["cases/{id:guid}/placement/council-setting"] = Rule.CaseManage,
        ["cases/{id:guid}/placement/decision"] = Rule.CaseManage,
        ["cases/{id:guid}/placement/reopen"] = Rule.CaseManage,
        ["cases/{id:guid}/placement/preferences/{preferenceId:guid}/grounds"] = Rule.CaseManage,
        // The council's staff, and the consulted setting's once there is a consultation (PlacementPageTests; the matrix has none).
        ["cases/{id:guid}/placement/preferences/{preferenceId:guid}/response"] = Rule.CaseManage,
        ["api/cases/{id:guid}/tailored-list"] = Rule.CaseReadWithFamily,
        ["api/cases/{id:guid}/preferences"] = Rule.CaseReadWithFamily,
        ["settings"] = Rule.Public,
        // The local offer is published (s.30) and open data; the council's staff keep it.
        ["local-offer"] = Rule.Public,
        ["local-offer/services/{serviceId:guid}"] = Rule.Public,
        ["local-offer/manage"] = Rule.LaStaffOnly,
        ["rule-sets"] = Rule.DfeOnly,
        ["local-offer/manage/services/{serviceId}"] = Rule.LaStaffOnly,
        ["openreferral/"] = Rule.Public,
        ["openreferral/services"] = Rule.Public,
        ["openreferral/services/{serviceId}"] = Rule.Public,
        ["openreferral/service_at_locations"] = Rule.Public,
        ["openreferral/service_at_locations/{siteId}"] = Rule.Public,
        ["openreferral/taxonomies"] = Rule.Public,
        ["openreferral/taxonomies/{taxonomyId}"] = Rule.Public,
        ["openreferral/taxonomy_terms"] = Rule.Public,
        ["openreferral/taxonomy_terms/{termId}"] = Rule.Public,
        ["settings/{urn}"] = Rule.Public,
        ["settings/{urn}/places"] = Rule.LaManagerOnly,
        ["settings/suitable"] = Rule.LaStaffOnly,
        ["settings/add-provider"] = Rule.LaManagerOnly,
        ["settings/sufficiency"] = Rule.LaStaffOnly,
        ["api/settings/"] = Rule.Public,
        ["api/settings/{urn}"] = Rule.Public,
        ["consultations"] = Rule.SettingStaffOnly,
        // The dashboard is public; counts under 5 are withheld except from the LA's own staff (DashboardPageTests).
        ["dashboard"] = Rule.Public,
        ["dashboard/{la:regex(^[0-9]{{3}}$)}"] = Rule.Public,
        ["dashboard/{la:regex(^[0-9]{{3}}$)}/{measure}"] = Rule.Public,
        ["dashboard/{la:regex(^[0-9]{{3}}$)}/{measure}/csv"] = Rule.Public,
        ["dashboard/national/{measure}"] = Rule.Public,
        ["dashboard/national/{measure}/csv"] = Rule.Public,
        ["returns/sen2"] = Rule.LaStaffOnly,
        ["your-requests/{id:guid}/settings"] = Rule.FamilyCase,
        ["your-requests/{id:guid}/settings/choose"] = Rule.FamilyCase,
        ["your-requests/{id:guid}/settings/others"] = Rule.FamilyCase,
        ["your-requests/{id:guid}/settings/order"] = Rule.FamilyCase,
        ["your-requests/{id:guid}/settings/check"] = Rule.FamilyCase,
        ["your-requests/{id:guid}/settings/sent"] = Rule.FamilyCase,
        ["api/cases/{id:guid}/advice-requests"] = Rule.CaseManage,
        ["api/cases/{id:guid}/advice-requests/{adviceId:guid}/received"] = Rule.CaseManage,
        ["api/cases/{id:guid}/assessment-decision"] = Rule.CaseManage,
        ["api/cases/{id:guid}/draft-plans"] = Rule.CaseManage,
        ["api/cases/{id:guid}/exceptions"] = Rule.CaseManage,
        ["api/cases/{id:guid}/final-plan"] = Rule.CaseManage,
        ["api/cases/{id:guid}/issue-decision"] = Rule.CaseManage,
        ["api/cases/{id:guid}/panel-recommendations"] = Rule.CaseManage,
        ["api/cases/{id:guid}/representations"] = Rule.CaseManage,
        ["api/cases/{id:guid}/transfer"] = Rule.CaseManage,
        ["api/cases/{id:guid}/withdrawal"] = Rule.CaseManage,
        ["cases/{id:guid}/plan"] = Rule.CaseRead,
        ["cases/{id:guid}/plan/versions/{number:int}"] = Rule.CaseRead,
        ["cases/{id:guid}/plan/delivery"] = Rule.CaseRead,
        ["cases/{id:guid}/plan/delivery/{provisionId:guid}"] = Rule.SettingOfTheChild,
        ["cases/{id:guid}/plan/delivery/reports/{reportId:guid}/answer"] = Rule.CaseManage,
        ["provision-delivery"] = Rule.ReviewList,
        ["cases/{id:guid}/early-review"] = Rule.CaseRead,
        ["cases/{id:guid}/capacity"] = Rule.CaseManage,
        ["cases/{id:guid}/contact"] = Rule.CaseManage,
        ["cases/{id:guid}/early-review/ask"] = Rule.SettingOfTheChild,
        ["cases/{id:guid}/early-review/{requestId:guid}"] = Rule.CaseManage,
        ["reviews/settings/early-review"] = Rule.LaManagerOnly,
        ["cases/{id:guid}/plan/compare"] = Rule.CaseRead,
        ["api/cases/{id:guid}/plan/"] = Rule.CaseReadWithFamily,
        ["api/cases/{id:guid}/plan/versions/{number:int}"] = Rule.CaseReadWithFamily,
        ["api/cases/{id:guid}/plan/compare"] = Rule.CaseReadWithFamily,
        ["cases/{id:guid}/documents"] = Rule.CaseRead,
        ["cases/{id:guid}/documents/upload"] = Rule.CaseManage,
        ["cases/{id:guid}/plan/start"] = Rule.CaseManage,
        ["cases/{id:guid}/plan/views"] = Rule.CaseManage,
        ["cases/{id:guid}/plan/need"] = Rule.CaseManage,
        ["cases/{id:guid}/plan/outcome"] = Rule.CaseManage,
        ["cases/{id:guid}/plan/provision"] = Rule.CaseManage,
        ["cases/{id:guid}/plan/setting"] = Rule.CaseManage,
        ["cases/{id:guid}/plan/budget"] = Rule.CaseManage,
        ["cases/{id:guid}/plan/issue-draft"] = Rule.CaseManage,
        ["cases/{id:guid}/plan/issue-final"] = Rule.CaseManage,
        ["cases/{id:guid}/plan/not-amending"] = Rule.CaseManage,
        ["api/plan-quality-check"] = Rule.Public,
        ["advice"] = Rule.StaffList,
        ["reviews"] = Rule.ReviewList,
        ["reviews/settings"] = Rule.LaManagerOnly,
        ["reviews/{id:guid}"] = Rule.CaseRead,
        ["reviews/{id:guid}/meeting"] = Rule.ReviewLead,
        ["reviews/{id:guid}/papers"] = Rule.ReviewLead,
        ["reviews/{id:guid}/post16-transfer"] = Rule.ReviewLead,
        ["reviews/{id:guid}/advice"] = Rule.CaseRead,
        ["reviews/{id:guid}/held"] = Rule.ReviewLead,
        ["reviews/{id:guid}/report"] = Rule.ReviewLead,
        ["reviews/{id:guid}/decision"] = Rule.CaseManage,
        ["advice/{requestId:guid}"] = Rule.AdviceRequest,
        ["advice/{requestId:guid}/{kind:regex(^(need|outcome|provision)$)}"] = Rule.AdviceRequest,
        ["advice/{requestId:guid}/report"] = Rule.AdviceRequest,
        ["advice/{requestId:guid}/send"] = Rule.AdviceRequest,
        ["advice/{requestId:guid}/sent"] = Rule.AdviceRequest,
        ["cases/{id:guid}/subject-access-export"] = Rule.CaseManagerOnly,
        ["your-requests"] = Rule.FamilyList,
        ["your-requests/{id:guid}"] = Rule.FamilyCase,
        ["your-requests/{id:guid}/draft-plan"] = Rule.FamilyCase,
        ["your-requests/{id:guid}/plan"] = Rule.FamilyCase,
        ["your-requests/{id:guid}/documents"] = Rule.FamilyCase,
        ["your-requests/{id:guid}/plan/compare"] = Rule.FamilyCase,
        ["your-requests/{id:guid}/plan/delivery"] = Rule.FamilyCase,
        ["your-requests/{id:guid}/review/early"] = Rule.FamilyCase,
        ["your-requests/{id:guid}/sharing"] = Rule.FamilyCase,
        ["your-requests/{id:guid}/contact"] = Rule.FamilyCase,
        ["your-requests/{id:guid}/plan/easy-read"] = Rule.FamilyCase,
        ["your-requests/{id:guid}/plan/delivery/{provisionId:guid}"] = Rule.FamilyCase,
        ["your-requests/{id:guid}/draft-plan/comment"] = Rule.FamilyCase,
        ["your-requests/{id:guid}/draft-plan/meeting-or-setting"] = Rule.FamilyCase,
        ["your-requests/{id:guid}/pictures"] = Rule.FamilyCase,
        ["your-requests/{id:guid}/views"] = Rule.FamilyCase,
        ["your-requests/{id:guid}/review"] = Rule.FamilyCase,
        ["organisation/staff"] = Rule.AdministratorOnly,
        ["audit"] = Rule.LaManagerOnly,
        ["development/sign-in"] = Rule.DevelopmentTool,
        ["development/outbox"] = Rule.DevelopmentTool,
    };

    /// <summary>
    /// Writes left out of the matrix because they change who is signed in or who can see a case
    /// (their rules are tested on their own): signing out, and adding a request to an account.
    /// </summary>
    private static readonly HashSet<(string Route, string Method)> SideEffects = [("sign-out", "POST"), ("track/{token}", "POST")];

    private enum Child
    {
        Alphonsine,
        Bartholomew,
        Cordelia,
    }

    private sealed record Who(string Name, Func<AppFixture, HttpClient, Task>? SignIn, Viewer Kind, IReadOnlySet<Child> Reads, IReadOnlySet<Child> Manages, bool IsStaff = false, bool IsLaStaff = false, bool IsManager = false, bool IsAdministrator = false, bool IsFamily = false, bool AdvisesOnAlphonsine = false, bool IsSettingStaff = false, bool IsDfe = false);

    private readonly Dictionary<Child, (Guid Id, string Token, Guid AdviceId)> _children = [];

    private readonly Dictionary<Child, Guid> _reviews = [];

    public async ValueTask InitializeAsync()
    {
        await app.WithServices(async sp =>
        {
            await OpenSend.Data.Demo.DemoLocalOffer.SeedAsync(sp.GetRequiredService<OpenSendDbContext>(), "999", AppFixture.Start);
            return 0;
        });
        var organisations = app.Organisations;
        var staff999 = new RequestContext(new Actor("setup", "Set Up", "LaCaseworker", "Demoshire County Council"), Viewer.Staff(Guid.NewGuid(), Role.LaCaseworker, organisations["999"]), null);
        var staff998 = new RequestContext(new Actor("setup", "Set Up", "LaCaseworker", "Northshire County Council"), Viewer.Staff(Guid.NewGuid(), Role.LaCaseworker, organisations["998"]), null);
        await app.WithServices(async sp =>
        {
            var db = sp.GetRequiredService<OpenSendDbContext>();
            var demoshire = await db.LocalAuthorities.SingleAsync(l => l.Code == "999");
            demoshire.AdoptRuleSet(RuleSetCatalogue.GreenPaper2022Id, new DateOnly(2026, 1, 1));
            await db.SaveChangesAsync();
            var cases = sp.GetRequiredService<AssessmentCases>();
            var links = sp.GetRequiredService<CaseLinks>();

            // Alphonsine: linked to Oakfield Primary, her mother's account, advice asked of the ICB,
            // and on the panel's agenda (green paper rules, awaiting the panel on issuing).
            var a = await cases.ReceiveAsync(staff999, Submission("999", "Alphonsine"), new DateOnly(2026, 5, 1));
            await cases.RecordPanelRecommendationAsync(staff999, a.Id, PanelQuestion.WhetherToAssess, PanelRecommendationOutcome.Yes, new DateOnly(2026, 5, 20), "");
            await cases.DecideToAssessAsync(staff999, a.Id, new DateOnly(2026, 5, 21), "");
            var advice = await cases.RequestAdviceAsync(staff999, a.Id, AdviserKind.Health, "Paediatrics", new DateOnly(2026, 5, 22), organisations["ICB-999"].Id);
            await links.LinkSettingAsync(staff999, a.Id, organisations["999001"].Id, SettingRelationship.CurrentSetting);
            await links.LinkFamilyAsync(staff999, a.Id, "alphonsine.parent@example.com", Role.Parent);

            // Bartholomew: same LA, no links, under the 2014 rules (so never on the panel's agenda).
            var b = await cases.ReceiveAsync(staff999, Submission("999", "Bartholomew"), new DateOnly(2025, 12, 1));
            await cases.DecideToAssessAsync(staff999, b.Id, new DateOnly(2025, 12, 10), "");
            var bAdvice = await cases.RequestAdviceAsync(staff999, b.Id, AdviserKind.Educational, "School", new DateOnly(2025, 12, 11));

            // Cordelia: another LA.
            var c = await cases.ReceiveAsync(staff998, Submission("998", "Cordelia"), new DateOnly(2026, 5, 1));
            await cases.DecideToAssessAsync(staff998, c.Id, new DateOnly(2026, 5, 21), "");
            var cAdvice = await cases.RequestAdviceAsync(staff998, c.Id, AdviserKind.Educational, "School", new DateOnly(2026, 5, 22));

            _children[Child.Alphonsine] = (a.Id, a.TrackingToken, advice.Id);
            _children[Child.Bartholomew] = (b.Id, b.TrackingToken, bAdvice.Id);
            _children[Child.Cordelia] = (c.Id, c.TrackingToken, cAdvice.Id);
            await AddPersonAsync(sp, "brookside.senco@example.com", "Bo Senco", organisations["999002"], Role.Senco);

            // A review for each child (Alphonsine's led by Oakfield), so the review pages have one to show.
            foreach (var (child, (caseId, laCode, setting)) in new Dictionary<Child, (Guid, string, Guid?)>
            {
                [Child.Alphonsine] = (a.Id, "999", organisations["999001"].Id),
                [Child.Bartholomew] = (b.Id, "999", null),
                [Child.Cordelia] = (c.Id, "998", null),
            })
            {
                var review = OpenSend.Domain.Reviews.AnnualReview.Schedule(caseId, laCode, RuleSetCatalogue.SendRegulations2014, new DateOnly(2027, 5, 31), null, setting, DateTimeOffset.UtcNow);
                db.AnnualReviews.Add(review);
                _reviews[child] = review.Id;
            }

            await db.SaveChangesAsync();
            return true;
        });
    }

    private static AssessmentRequestSubmission Submission(string la, string givenName) =>
        new(la, RequesterKind.Parent, "A Parent", $"{givenName.ToLowerInvariant()}.requester@example.com", null, null, givenName, "Testchild", new DateOnly(2018, 3, 14), "Needs.", true);

    private static async Task AddPersonAsync(IServiceProvider sp, string email, string name, Organisation organisation, Role role)
    {
        var db = sp.GetRequiredService<OpenSendDbContext>();
        // Each test of the class sets up its children again on the shared app; the person is added once.
        if (await db.People.AnyAsync(p => p.Email == email))
        {
            return;
        }

        var person = new Person(Guid.NewGuid(), PersonKind.Staff, email, name, DateTimeOffset.UtcNow);
        db.People.Add(person);
        db.Memberships.Add(new Membership(Guid.NewGuid(), person.Id, organisation.Id, role, DateTimeOffset.UtcNow, "Test"));
        await db.SaveChangesAsync();
    }

    private static IReadOnlySet<Child> Set(params Child[] children) => children.ToHashSet();

    private static readonly Who[] Everyone =
    [
        new("Anonymous", null, Viewer.Public, Set(), Set()),
        new("LA caseworker, own LA", (a, c) => a.SignInAsync(c, AppFixture.Caseworker), Viewer.Public, Set(Child.Alphonsine, Child.Bartholomew), Set(Child.Alphonsine, Child.Bartholomew), IsStaff: true, IsLaStaff: true),
        new("LA SEND manager, own LA", (a, c) => a.SignInAsync(c, AppFixture.Manager), Viewer.Public, Set(Child.Alphonsine, Child.Bartholomew), Set(Child.Alphonsine, Child.Bartholomew), IsStaff: true, IsLaStaff: true, IsManager: true),
        new("LA caseworker, other LA", (a, c) => a.SignInAsync(c, AppFixture.NorthshireCaseworker), Viewer.Public, Set(Child.Cordelia), Set(Child.Cordelia), IsStaff: true, IsLaStaff: true),
        new("LA administrator", (a, c) => a.SignInAsync(c, "chris.bell@demoshire.example"), Viewer.Public, Set(), Set(), IsStaff: true, IsAdministrator: true),
        new("SENCO of the child's school", (a, c) => a.SignInAsync(c, AppFixture.Senco, Role.Senco), Viewer.Public, Set(Child.Alphonsine), Set(), IsStaff: true, IsSettingStaff: true),
        new("SENCO of another school", (a, c) => a.SignInAsync(c, "brookside.senco@example.com"), Viewer.Public, Set(), Set(), IsStaff: true, IsSettingStaff: true),
        new("Health adviser asked for advice", (a, c) => a.SignInAsync(c, "omar.reyes@demoshire-icb.example"), Viewer.Public, Set(Child.Alphonsine), Set(), IsStaff: true, AdvisesOnAlphonsine: true),
        new("Social care adviser not asked", (a, c) => a.SignInAsync(c, "lee.park@demoshire.example"), Viewer.Public, Set(), Set(), IsStaff: true),
        new("Panel member", (a, c) => a.SignInAsync(c, "mina.patel@demoshire.example"), Viewer.Public, Set(Child.Alphonsine), Set(), IsStaff: true),
        new("Mediator with nothing referred", (a, c) => a.SignInAsync(c, "dana.hughes@mediation.example"), Viewer.Public, Set(), Set(), IsStaff: true),
        new("DfE analyst", (a, c) => a.SignInAsync(c, "ruth.okafor@education.example"), Viewer.Public, Set(), Set(), IsStaff: true, IsDfe: true),
        new("Parent of the child", async (a, c) => await a.SignInAsFamilyAsync(c, "alphonsine.parent@example.com"), Viewer.Public, Set(Child.Alphonsine), Set(), IsFamily: true),
        new("Parent of no child here", async (a, c) => await a.SignInAsFamilyAsync(c, "stranger.parent@example.com"), Viewer.Public, Set(), Set(), IsFamily: true),
    ];

    [Fact]
    public async Task EveryEndpoint_AsEveryRole_ForEveryRelationship_IsAllowedOrDeniedAsTheRulesSay()
    {
        var routes = app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Route: e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"]))
            .ToList();
        var unclassified = routes.Select(r => r.Route).Where(r => !Rules.ContainsKey(r)).ToList();
        Assert.True(unclassified.Count == 0, $"Classify these routes in AccessMatrixTests.Rules: {string.Join(", ", unclassified)}");

        var failures = new List<string>();
        var checks = 0;
        foreach (var who in Everyone)
        {
            var client = app.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            if (who.SignIn is not null)
            {
                var signingIn = app.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
                await who.SignIn(app, signingIn);
                client = signingIn;
            }

            var token = await AntiforgeryTokenAsync(client);
            foreach (var (route, methods) in routes)
            {
                foreach (var method in methods.Where(m => m is "GET" or "POST" && !SideEffects.Contains((route, m))))
                {
                    foreach (var target in Targets(route))
                    {
                        checks++;
                        var url = "/" + Fill(route, target);
                        var response = await SendAsync(client, method, url, token);
                        var body = await response.Content.ReadAsStringAsync();
                        var expected = Expected(Rules[route], who, target);
                        var denied = IsDenied(response, body);
                        if ((int)response.StatusCode >= 500)
                        {
                            failures.Add($"{who.Name} {method} {url}: server error {(int)response.StatusCode}");
                        }
                        else if (response.StatusCode == HttpStatusCode.MethodNotAllowed || Rules[route] == Rule.AnyOutcome)
                        {
                            // Not an operation this route offers, or an outcome set by state: only leaks matter.
                        }
                        else if (expected == denied)
                        {
                            failures.Add($"{who.Name} {method} {url}: expected {(expected ? "allowed" : "denied")}, got {(int)response.StatusCode} {response.Headers.Location}");
                        }

                        foreach (var child in Enum.GetValues<Child>())
                        {
                            var mayShow = !denied && (who.Reads.Contains(child) || (Rules[route] == Rule.TokenCapability && target == child));
                            if (!mayShow && body.Contains(child.ToString(), StringComparison.Ordinal))
                            {
                                failures.Add($"{who.Name} {method} {url}: response shows {child}, whom they may not see");
                            }
                        }
                    }
                }
            }
        }

        var matrix = $"{routes.Count} routes × up to 2 methods × {Everyone.Length} roles × up to 3 children = {checks} requests";
        TestContext.Current.SendDiagnosticMessage(matrix);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "opensend-access-matrix.txt"), matrix);
        Assert.True(failures.Count == 0, $"{matrix}; {failures.Count} wrong:\n{string.Join("\n", failures)}");
    }

    /// <summary>
    /// The time-bound rule the static matrix cannot show: an adviser's access ends 28 days after
    /// their advice was received (CaseAccessPolicy). The ICB's adviser, still asked about
    /// Alphonsine, is let into her case; Dorothea's advice came from the same ICB last December, so every
    /// route about her case is now refused and shows nothing of her.
    /// </summary>
    [Fact]
    public async Task AnAdviserWhosePartEndedMoreThan28DaysAgo_IsRefusedEveryRouteAboutThatChild()
    {
        var staff999 = new RequestContext(new Actor("setup", "Set Up", "LaCaseworker", "Demoshire County Council"), Viewer.Staff(Guid.NewGuid(), Role.LaCaseworker, app.Organisations["999"]), null);
        var (dorothea, advice) = await app.WithServices(async sp =>
        {
            var cases = sp.GetRequiredService<AssessmentCases>();
            var d = await cases.ReceiveAsync(staff999, Submission("999", "Dorothea"), new DateOnly(2025, 11, 3));
            await cases.DecideToAssessAsync(staff999, d.Id, new DateOnly(2025, 11, 17), "");
            var asked = await cases.RequestAdviceAsync(staff999, d.Id, AdviserKind.Health, "Paediatrics", new DateOnly(2025, 11, 18), app.Organisations["ICB-999"].Id);
            await cases.RecordAdviceReceivedAsync(staff999, d.Id, asked.Id, new DateOnly(2025, 12, 15));
            return (d.Id, asked.Id);
        });
        var adviser = app.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        await app.SignInAsync(adviser, "omar.reyes@demoshire-icb.example");
        var routes = Rules.Where(r => r.Value is Rule.CaseRead or Rule.AdviceRequest && !r.Key.StartsWith("reviews/", StringComparison.Ordinal)).Select(r => r.Key).ToList();

        var wrong = new List<string>();
        foreach (var route in routes)
        {
            var url = "/" + route.Replace("{id:guid}", dorothea.ToString(), StringComparison.Ordinal)
                .Replace("{requestId:guid}", advice.ToString(), StringComparison.Ordinal)
                .Replace("{kind:regex(^(need|outcome|provision)$)}", "provision", StringComparison.Ordinal)
                .Replace("{number:int}", "1", StringComparison.Ordinal);
            var response = await adviser.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            if (!IsDenied(response, body) || body.Contains("Dorothea", StringComparison.Ordinal))
            {
                wrong.Add($"{url}: {(int)response.StatusCode}");
            }
        }

        Assert.True(routes.Count > 10, "The case routes were not found in the rules.");
        Assert.Empty(wrong);
        Assert.Equal(HttpStatusCode.OK, (await adviser.GetAsync($"/cases/{_children[Child.Alphonsine].Id}")).StatusCode);
    }

    /// <summary>Whether the rules allow <paramref name="who"/> through, for a route about <paramref name="target"/>.</summary>
    private static bool Expected(Rule rule, Who who, Child? target) => rule switch
    {
        Rule.Public or Rule.AnyOutcome or Rule.TokenCapability or Rule.DevelopmentTool => true,
        Rule.StaffList => who.IsStaff,
        Rule.LaStaffOnly => who.IsLaStaff,
        Rule.CaseRead => who.Reads.Contains(target!.Value) && !who.IsFamily,
        Rule.CaseManage => who.Manages.Contains(target!.Value),
        Rule.CaseManagerOnly => who.IsManager && who.Manages.Contains(target!.Value),
        Rule.AdviceRequest => who.Manages.Contains(target!.Value) || (who.AdvisesOnAlphonsine && target == Child.Alphonsine),
        Rule.ReviewList => who.IsLaStaff || who.IsSettingStaff,
        Rule.ReviewLead => who.Manages.Contains(target!.Value) || (who.IsSettingStaff && who.Reads.Contains(target!.Value)),
        Rule.SettingOfTheChild => who.IsSettingStaff && who.Reads.Contains(target!.Value),
        Rule.FamilyList => who.IsFamily,
        Rule.FamilyCase => who.IsFamily && who.Reads.Contains(target!.Value),
        Rule.CaseReadWithFamily => who.Reads.Contains(target!.Value),
        Rule.SettingStaffOnly => who.IsSettingStaff,
        Rule.AdministratorOnly => who.IsAdministrator,
        Rule.LaManagerOnly => who.IsManager,
        Rule.DfeOnly => who.IsDfe,
        _ => false,
    };

    /// <summary>
    /// A refusal to the caller. A plan with no issued version yet answers 404 with its own problem
    /// type to those who may see the case: that is an answer, not a denial.
    /// </summary>
    private static bool IsDenied(HttpResponseMessage response, string body) =>
        (response.StatusCode is HttpStatusCode.NotFound && !body.Contains("problem:plan-version-not-found", StringComparison.Ordinal)
            && !body.Contains("problem:tailored-list-not-found", StringComparison.Ordinal))
        || response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
            && response.Headers.Location?.OriginalString is { } location
            && (location.Contains("/sign-in", StringComparison.Ordinal) || location.Contains("/error/403", StringComparison.Ordinal)));

    private IEnumerable<Child?> Targets(string route) =>
        route.Contains('{', StringComparison.Ordinal) && !route.StartsWith("error", StringComparison.Ordinal) && !route.StartsWith("openapi", StringComparison.Ordinal)
            && !route.StartsWith("local-offer", StringComparison.Ordinal) && !route.StartsWith("openreferral", StringComparison.Ordinal)
            ? Enum.GetValues<Child>().Cast<Child?>()
            : [null];

    private static readonly Guid DemoService = LocalOfferTaxonomy.IdFor("demo:service:Saturday Sensory Club");

    private string Fill(string route, Child? target)
    {
        var url = route
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{code:int}", "404", StringComparison.Ordinal)
            .Replace("{number:int}", "1", StringComparison.Ordinal)
            .Replace("{urn}", "999001", StringComparison.Ordinal)
            .Replace("{la:regex(^[0-9]{{3}}$)}", "999", StringComparison.Ordinal)
            .Replace("{measure}", "requests-received", StringComparison.Ordinal)
            .Replace("{preferenceId:guid}", Guid.Empty.ToString(), StringComparison.Ordinal)
            .Replace("{documentId:guid}", Guid.Empty.ToString(), StringComparison.Ordinal)
            .Replace("{provisionId:guid}", Guid.Empty.ToString(), StringComparison.Ordinal)
            .Replace("{reportId:guid}", Guid.Empty.ToString(), StringComparison.Ordinal)
            .Replace("{mediationId:guid}", Guid.Empty.ToString(), StringComparison.Ordinal)
            .Replace("{appealId:guid}", Guid.Empty.ToString(), StringComparison.Ordinal)
            .Replace("{complaintId:guid}", Guid.Empty.ToString(), StringComparison.Ordinal)
            .Replace("local-offer/manage/services/{serviceId}", "local-offer/manage/services/new", StringComparison.Ordinal)
            .Replace("{serviceId:guid}", DemoService.ToString(), StringComparison.Ordinal)
            .Replace("{serviceId}", DemoService.ToString(), StringComparison.Ordinal)
            .Replace("{siteId}", LocalOfferTaxonomy.IdFor("demo:at:Saturday Sensory Club").ToString(), StringComparison.Ordinal)
            .Replace("{taxonomyId}", LocalOfferTaxonomy.ServiceKinds.Id.ToString(), StringComparison.Ordinal)
            .Replace("{termId}", LocalOfferTaxonomy.Kind("short-breaks").Id.ToString(), StringComparison.Ordinal);
        if (target is { } child)
        {
            var (id, token, adviceId) = _children[child];
            if (url.StartsWith("reviews/", StringComparison.Ordinal))
            {
                id = _reviews[child];
            }

            url = url.Replace("{id:guid}", id.ToString(), StringComparison.Ordinal)
                .Replace("{adviceId:guid}", adviceId.ToString(), StringComparison.Ordinal)
                .Replace("{requestId:guid}", adviceId.ToString(), StringComparison.Ordinal)
                .Replace("{kind:regex(^(need|outcome|provision)$)}", "provision", StringComparison.Ordinal)
                .Replace("{token}", token, StringComparison.Ordinal);
            if (url.EndsWith("advice-received", StringComparison.Ordinal))
            {
                url += $"?advice={adviceId}";
            }
        }

        return url;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url, string token)
    {
        if (method == "GET")
        {
            return await client.GetAsync(url);
        }

        HttpContent content = url.StartsWith("/api/", StringComparison.Ordinal)
            ? new StringContent("{}", Encoding.UTF8, "application/json")
            : new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        return await client.PostAsync(url, content);
    }

    /// <summary>A form token for this client's identity, from the public request start page's form.</summary>
    private static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/request");
        var document = await new HtmlParser().ParseDocumentAsync(html);
        return document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
