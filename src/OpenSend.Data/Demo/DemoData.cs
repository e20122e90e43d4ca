using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.LocalAuthorities;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Redress;
using OpenSend.Domain.Reviews;
using OpenSend.Domain.Timescales;

namespace OpenSend.Data.Demo;

/// <summary>
/// The demo local authority, Demoshire (999), with 67 EHC needs assessments at every stage,
/// some overdue, all dated relative to today so the demo always looks live. Every name is
/// invented; every case is built through the same application service the pages use.
/// </summary>
public sealed class DemoData(OpenSendDbContext db, AssessmentCases cases, CaseLinks links, OpenSend.Data.Reviews.PlanReviews reviews, OpenSend.Data.Plans.PlanDrafting drafting,
    OpenSend.Data.Plans.ProvisionDelivery delivery, OpenSend.Data.Reviews.EarlyReviews earlyReviews, OpenSend.Data.Redress.RedressRecording redress, TimeProvider time)
{
    public const string DemoLaCode = "999";

    /// <summary>The demo's second, invented council (<see cref="LocalAuthorityRegister.Northshire"/>).</summary>
    public const string NorthshireLaCode = "998";

    /// <summary>The parent whose account is linked to some demo cases (an invented address).</summary>
    public const string DemoParentEmail = "pat.ashdown@example.com";

    private static readonly string[] GivenNames =
    [
        "Amara", "Ben", "Chloe", "Dev", "Ellie", "Finn", "Grace", "Hari", "Isla", "Jack", "Kai", "Lena", "Milo", "Nia", "Oscar",
        "Poppy", "Quinn", "Rosa", "Sami", "Tia", "Umar", "Vera", "Wes", "Xena", "Yusuf", "Zara", "Alfie", "Bea", "Cal", "Dora",
    ];

    private static readonly string[] FamilyNames =
    [
        "Ashdown", "Brackley", "Cotterell", "Dunmore", "Elsworth", "Fairbrook", "Gadsby", "Holloway", "Inchley", "Jessop",
        "Kettleby", "Loxley", "Marchant", "Northway", "Oakridge", "Penhallow", "Quarrie", "Rushworth", "Sallow", "Thornbury",
    ];

    // Invented settings with invented URNs (GIAS URNs are 6 digits; 999xxx marks them as demo).
    private static readonly (string Name, string Code)[] Schools =
    [
        ("Oakfield Primary School", "999001"), ("Brookside Infant School", "999002"), ("Hillcrest Academy", "999003"),
        ("St Aldhelm's CofE Primary School", "999004"), ("Demoshire Secondary School", "999005"), ("Riverside Nursery", "999006"),
        ("Demoshire College", "999007"), ("Meadowbank Special School", "999008"),
    ];

    /// <summary>Invented staff of the demo organisations: (email, name, organisation code, role).</summary>
    public static readonly (string Email, string Name, string OrganisationCode, Role Role)[] DemoStaff =
    [
        ("sam.carter@demoshire.example", "Sam Carter", DemoLaCode, Role.LaCaseworker),
        ("priya.shah@demoshire.example", "Priya Shah", DemoLaCode, Role.LaSendManager),
        ("chris.bell@demoshire.example", "Chris Bell", DemoLaCode, Role.Administrator),
        ("alex.morgan@northshire.example", "Alex Morgan", NorthshireLaCode, Role.LaCaseworker),
        ("jo.whitfield@oakfield.example", "Jo Whitfield", "999001", Role.Senco),
        ("jo.whitfield@oakfield.example", "Jo Whitfield", "999001", Role.Administrator),
        ("omar.reyes@demoshire-icb.example", "Dr Omar Reyes", "ICB-999", Role.HealthAdviser),
        ("lee.park@demoshire.example", "Lee Park", "SC-999", Role.SocialCareAdviser),
        ("mina.patel@demoshire.example", "Mina Patel", "PANEL-999", Role.PanelMember),
        ("dana.hughes@mediation.example", "Dana Hughes", "MED-999", Role.Mediator),
        ("ruth.okafor@education.example", "Ruth Okafor", "DFE", Role.DfeAnalyst),
    ];

    private enum Story
    {
        AwaitingDecision,
        Assessing,
        Drafting,
        DraftWithFamily,
        PlanIssued,
        PlanIssuedLateWithException,
        NotAssessing,
        NotIssuing,
        Withdrawn,
        TransferredOut,

        /// <summary>A plan whose review decided to cease it, ceased once the family's time to appeal passed.</summary>
        PlanCeased,

        /// <summary>A plan whose review decided to cease it, still in force while the family can appeal.</summary>
        CeaseDecided,
    }

    // (story, days since the request was received); 67 cases in all.
    private static readonly (Story Story, int Age)[] Stories =
    [
        (Story.AwaitingDecision, 2), (Story.AwaitingDecision, 6), (Story.AwaitingDecision, 11), (Story.AwaitingDecision, 17),
        (Story.AwaitingDecision, 23), (Story.AwaitingDecision, 29), (Story.AwaitingDecision, 36), (Story.AwaitingDecision, 38),
        (Story.AwaitingDecision, 41), (Story.AwaitingDecision, 44), (Story.AwaitingDecision, 49), (Story.AwaitingDecision, 58),
        (Story.Assessing, 47), (Story.Assessing, 52), (Story.Assessing, 56), (Story.Assessing, 61), (Story.Assessing, 66),
        (Story.Assessing, 72), (Story.Assessing, 78), (Story.Assessing, 84), (Story.Assessing, 90), (Story.Assessing, 96),
        (Story.Assessing, 103), (Story.Assessing, 108), (Story.Assessing, 114), (Story.Assessing, 121),
        (Story.Drafting, 93), (Story.Drafting, 101), (Story.Drafting, 110), (Story.Drafting, 118), (Story.Drafting, 127), (Story.Drafting, 136),
        (Story.DraftWithFamily, 104), (Story.DraftWithFamily, 112), (Story.DraftWithFamily, 119), (Story.DraftWithFamily, 125),
        (Story.DraftWithFamily, 131), (Story.DraftWithFamily, 137), (Story.DraftWithFamily, 146), (Story.DraftWithFamily, 155),
        (Story.PlanIssued, 150), (Story.PlanIssued, 171), (Story.PlanIssued, 190), (Story.PlanIssued, 214), (Story.PlanIssued, 240),
        (Story.PlanIssued, 265), (Story.PlanIssued, 290), (Story.PlanIssued, 320),
        (Story.PlanIssuedLateWithException, 200), (Story.PlanIssuedLateWithException, 250),
        (Story.NotAssessing, 60), (Story.NotAssessing, 95), (Story.NotAssessing, 140), (Story.NotAssessing, 230),
        (Story.NotIssuing, 150), (Story.NotIssuing, 260),
        (Story.Withdrawn, 40), (Story.Withdrawn, 130),
        (Story.TransferredOut, 35), (Story.TransferredOut, 88),

        // Plans made nearly a year ago: their first reviews fall due in the next weeks (one at Oakfield, index 64).
        (Story.PlanIssued, 440), (Story.PlanIssued, 455), (Story.PlanIssued, 470), (Story.PlanIssued, 485), (Story.PlanIssued, 430),

        // Plans reviewed and decided to cease: one ceased, one waiting for the family's time to appeal.
        (Story.PlanCeased, 520), (Story.CeaseDecided, 470),
    ];

    /// <summary>True when the demo LA has no cases yet (an empty database, or one with only reference data).</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default) =>
        !await db.Assessments.AnyAsync(a => a.LaCode == DemoLaCode, cancellationToken);

    /// <summary>Creates Demoshire and its cases. Returns the number of cases created (0 when already seeded).</summary>
    public async Task<int> SeedAsync(IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        await LocalAuthorityRegister.EnsureLoadedAsync(db, cancellationToken);
        var today = UkCalendar.Today(time);
        var demoshire = await db.LocalAuthorities.SingleOrDefaultAsync(l => l.Code == DemoLaCode, cancellationToken);
        if (demoshire is null)
        {
            demoshire = LocalAuthorityRegister.Demoshire();
            // Demoshire pilots the green paper's panel and mandatory mediation for requests received
            // from the first of the month three months ago; older cases keep the 2014 rules.
            var pilotStart = new DateOnly(today.Year, today.Month, 1).AddMonths(-3);
            demoshire.AdoptRuleSet(RuleSetCatalogue.GreenPaper2022Id, pilotStart);
            db.LocalAuthorities.Add(demoshire);
            db.RuleSetAdoptions.Add(OpenSend.Domain.Partnerships.RuleSetAdoption.AsAlreadyAdopted(demoshire,
                "Demoshire pilots the green paper's multi-agency panel and mandatory mediation.", "Department for Education (demo)", time.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }

        // The register is seeded even into a demo database made before it existed.
        await DemoSettings.SeedAsync(db, DemoLaCode, time.GetUtcNow(), cancellationToken);
        await DemoLocalOffer.SeedAsync(db, DemoLaCode, time.GetUtcNow(), cancellationToken);
        if (!await IsEmptyAsync(cancellationToken))
        {
            return 0;
        }

        var organisations = await SeedOrganisationsAsync(cancellationToken);
        var caseworker = await db.People.AsNoTracking().SingleAsync(p => p.Email == DemoStaff[0].Email, cancellationToken);
        var context = new RequestContext(
            new Actor(caseworker.Id.ToString(), caseworker.DisplayName, Role.LaCaseworker.ToString(), organisations[DemoLaCode].Name),
            Viewer.Staff(caseworker.Id, Role.LaCaseworker, organisations[DemoLaCode]),
            null);
        var random = new Random(20220329);
        for (var i = 0; i < Stories.Length; i++)
        {
            var (story, age) = Stories[i];
            await CreateAsync(context, organisations, story, today.AddDays(-age), today, i, random, cancellationToken);
            progress?.Report((i + 1, Stories.Length));
        }

        // The demo's families are invented: nothing they would be emailed is ever sent.
        await db.Outbox.Where(m => m.LaCode == DemoLaCode).ExecuteDeleteAsync(cancellationToken);
        return Stories.Length;
    }

    /// <summary>
    /// Demoshire's organisations (the council, its panel, settings, ICB, social care), Northshire (the
    /// demo's second invented council, added to the LAs if missing), the DfE, and their invented staff.
    /// No real council's code is given an invented member. Idempotent; keyed by organisation code.
    /// </summary>
    public async Task<Dictionary<string, Organisation>> SeedOrganisationsAsync(CancellationToken cancellationToken = default)
    {
        if (!await db.LocalAuthorities.AnyAsync(l => l.Code == NorthshireLaCode, cancellationToken))
        {
            db.LocalAuthorities.Add(LocalAuthorityRegister.Northshire());
        }

        var wanted = new List<(OrganisationKind Kind, string Code, string Name, string? LaCode)>
        {
            (OrganisationKind.LocalAuthority, DemoLaCode, "Demoshire County Council", DemoLaCode),
            (OrganisationKind.LocalAuthority, NorthshireLaCode, "Northshire County Council", NorthshireLaCode),
            (OrganisationKind.MultiAgencyPanel, "PANEL-999", "Demoshire multi-agency panel", DemoLaCode),
            (OrganisationKind.IntegratedCareBoard, "ICB-999", "NHS Demoshire Integrated Care Board", DemoLaCode),
            (OrganisationKind.SocialCare, "SC-999", "Demoshire Children's Social Care", DemoLaCode),
            (OrganisationKind.MediationService, "MED-999", "Shire Mediation Service", null),
            (OrganisationKind.DepartmentForEducation, "DFE", "Department for Education", null),
        };
        wanted.AddRange(Schools.Select(s => (OrganisationKind.Setting, s.Code, s.Name, (string?)DemoLaCode)));
        var existing = await db.Organisations.ToListAsync(cancellationToken);
        foreach (var (kind, code, name, laCode) in wanted.Where(w => !existing.Any(e => e.Kind == w.Kind && e.Code == w.Code)))
        {
            db.Organisations.Add(new Organisation(RecordId.New(), kind, code, name, laCode));
        }

        await db.SaveChangesAsync(cancellationToken);
        var organisations = (await db.Organisations.AsNoTracking().ToListAsync(cancellationToken))
            .Where(o => wanted.Any(w => w.Kind == o.Kind && w.Code == o.Code))
            .ToDictionary(o => o.Code);

        var now = time.GetUtcNow();
        foreach (var (email, name, organisationCode, role) in DemoStaff)
        {
            var person = db.People.Local.SingleOrDefault(p => p.Email == email)
                ?? await db.People.SingleOrDefaultAsync(p => p.Email == email, cancellationToken);
            if (person is null)
            {
                person = new Person(RecordId.New(), PersonKind.Staff, email, name, now);
                db.People.Add(person);
            }

            var organisationId = organisations[organisationCode].Id;
            if (!await db.Memberships.AnyAsync(m => m.PersonId == person.Id && m.OrganisationId == organisationId && m.Role == role, cancellationToken))
            {
                db.Memberships.Add(new Membership(RecordId.New(), person.Id, organisationId, role, now, "Demo data"));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return organisations;
    }

    private static readonly OpenSend.Domain.Plans.Sen2NeedType[] DemoNeeds =
    [
        OpenSend.Domain.Plans.Sen2NeedType.ASD, OpenSend.Domain.Plans.Sen2NeedType.SLCN, OpenSend.Domain.Plans.Sen2NeedType.SEMH, OpenSend.Domain.Plans.Sen2NeedType.ASD,
        OpenSend.Domain.Plans.Sen2NeedType.MLD, OpenSend.Domain.Plans.Sen2NeedType.SPLD, OpenSend.Domain.Plans.Sen2NeedType.SLD, OpenSend.Domain.Plans.Sen2NeedType.PD,
    ];

    private static OpenSend.Domain.Plans.PlanContent DemoPlan(OpenSend.Domain.Plans.PlanContent content, string given, DateOnly dateOfBirth, DateOnly issuedOn, int index) =>
        Generation.SyntheticContent.Plan(content, given, dateOfBirth, issuedOn, DemoNeeds[index % DemoNeeds.Length], null, Guid.NewGuid);

    private static readonly string[] DemoEthnicities = ["WBRI", "WBRI", "WBRI", "WBRI", "WOTH", "MWBC", "AIND", "APKN", "BAFR", "BCRB", "CHNE", "MOTH", "WBRI", "OOTH", "NOBT"];

    /// <summary>Invented details for the SEN2 return: about seven in ten boys (as for EHC plans nationally), a mix of ethnicities, a valid invented UPN or ULN.</summary>
    private static OpenSend.Domain.Returns.ChildDetails DemoChildDetails(int index, DateOnly dateOfBirth, DateOnly today, Random random) =>
        Generation.SyntheticContent.ChildDetails(index, random.Next(10) < 7 ? OpenSend.Domain.Returns.Sex.Male : OpenSend.Domain.Returns.Sex.Female,
            DemoEthnicities[index % DemoEthnicities.Length], dateOfBirth, today);

    /// <summary>
    /// Oakfield's SENCO says whether its pupils' provision is delivered: the first piece is; on some
    /// plans the second is not, and the council has answered. The demo parent says their child's
    /// therapy is only partly happening, not yet answered, so every part of the feature has something to show.
    /// </summary>
    private async Task SayWhetherProvisionIsDeliveredAsync(RequestContext council, RequestContext senco, Guid id, bool familyAccount, int index, CancellationToken cancellationToken)
    {
        var provision = (await db.Plans.AsNoTracking().Include(p => p.Versions).SingleAsync(p => p.AssessmentId == id, cancellationToken)).LatestFinal!.Content.Provision;
        await delivery.ReportAsync(senco, id, provision[0].Id, OpenSend.Domain.Plans.DeliveryState.BeingDelivered, null, cancellationToken);
        if (familyAccount)
        {
            var parentId = await db.People.AsNoTracking().Where(p => p.Email == DemoParentEmail).Select(p => p.Id).SingleAsync(cancellationToken);
            var parent = new RequestContext(new Actor(parentId.ToString(), "Parent", nameof(Role.Parent), null), Viewer.Family(parentId), null);
            await delivery.ReportAsync(parent, id, provision[^1].Id, OpenSend.Domain.Plans.DeliveryState.PartlyDelivered,
                "The therapist has come once a week since the spring half term, not twice.", cancellationToken);
        }
        else if (index % 2 == 0)
        {
            var report = await delivery.ReportAsync(senco, id, provision[^1].Id, OpenSend.Domain.Plans.DeliveryState.NotDelivered,
                "Our speech and language therapist left at Easter and the NHS service has no one to send until September.", cancellationToken);
            await delivery.AnswerAsync(council, id, report.Id,
                "We have commissioned an independent therapist for the sessions until the NHS service can resume them; they start on Monday.", cancellationToken);
        }
    }

    /// <summary>The demo SENCO of <paramref name="setting"/>, as the services see them when they record something for the school.</summary>
    private async Task<RequestContext> SencoOfAsync(Organisation setting, CancellationToken cancellationToken)
    {
        var (email, name, _, _) = DemoStaff.First(s => s.OrganisationCode == setting.Code && s.Role == Role.Senco);
        var personId = await db.People.AsNoTracking().Where(p => p.Email == email).Select(p => p.Id).SingleAsync(cancellationToken);
        return new RequestContext(new Actor("demo-senco", name, nameof(Role.Senco), setting.Name), Viewer.Staff(personId, Role.Senco, setting), null);
    }

    /// <summary>
    /// Two refusals the families disagree with, so mediation and appeals have something to show: the
    /// newer has mediation arranged with the demo mediation service (its mediator holds it); the older
    /// went to mediation, which did not settle it, and the appeal is now with the tribunal.
    /// </summary>
    private async Task DisagreeAsync(RequestContext context, IReadOnlyDictionary<string, Organisation> organisations, Guid id, int refusedOn, Func<int, DateOnly> day, int age,
        CancellationToken cancellationToken)
    {
        if (age is not (60 or 95))
        {
            return;
        }

        var mediation = await redress.BeginMediationAsync(context, id, AppealableDecision.NotToAssess, day(refusedOn), day(refusedOn + 2), cancellationToken);
        await redress.ArrangeMediationAsync(context, id, mediation.Id, day(refusedOn + 3), "Whether the school's support has been enough, and what an assessment would add.",
            organisations["MED-999"].Id, false, false, cancellationToken);
        if (age == 60)
        {
            return;
        }

        await redress.RecordMediationMeetingAsync(context, id, mediation.Id, day(refusedOn + 20), MediationOutcome.NoAgreement, null, false, true, cancellationToken);
        await redress.RecordMediationCertificateAsync(context, id, mediation.Id, day(refusedOn + 22), cancellationToken);
        var appeal = await redress.RegisterAppealAsync(context, id, AppealableDecision.NotToAssess, day(refusedOn), [], day(refusedOn + 30), "EH999/DEMO/0001", null, cancellationToken);
        await redress.RecordAppealSentToCouncilAsync(context, id, appeal.Id, day(refusedOn + 34), cancellationToken);
    }

    private async Task CreateAsync(RequestContext context, IReadOnlyDictionary<string, Organisation> organisations, Story story, DateOnly received, DateOnly today, int index, Random random, CancellationToken cancellationToken)
    {
        var given = GivenNames[index % GivenNames.Length];
        var family = FamilyNames[(index * 7) % FamilyNames.Length];
        var ageInYears = 3 + random.Next(0, 15);
        var dateOfBirth = received.AddYears(-ageInYears).AddDays(-random.Next(0, 365));
        var (school, schoolCode) = Schools[index % Schools.Length];
        var setting = organisations[schoolCode];
        var requesterKind = index % 5 == 0 ? RequesterKind.SchoolOrCollege : RequesterKind.Parent;
        var requesterName = requesterKind == RequesterKind.Parent ? $"{GivenNames[(index + 11) % GivenNames.Length]} {family}" : $"SENCO, {school}";
        // The demo parent's account follows a case at each main stage: an assessment under way (14), a
        // draft plan with the family (32) and a plan in force with its first review scheduled (40).
        var familyAccount = index is 14 or 32 or 40;
        var submitted = await cases.ReceiveAsync(context, new AssessmentRequestSubmission(
            DemoLaCode, requesterKind, requesterName, familyAccount ? DemoParentEmail : $"family{index + 1}@example.com", null,
            requesterKind == RequesterKind.SchoolOrCollege ? school : null,
            given, family, dateOfBirth,
            "Needs in communication and interaction are not being met by the support the school can give from its own resources.",
            true), received, cancellationToken);
        var id = submitted.Id;
        await cases.RecordChildDetailsAsync(context, id, DemoChildDetails(index, dateOfBirth, today, random), cancellationToken: cancellationToken);
        // Some families want letters by post, or an interpreter (invented addresses in an invented town).
        if (index % 9 == 4 || index % 11 == 5)
        {
            await cases.RecordContactPreferencesAsync(context, id, index % 9 == 4
                ? new ContactPreferences($"{index + 1} Example Street\nDemoton DM1 {index % 9}AA", true, null, false, null)
                : new ContactPreferences(null, false, "Polish", true, null), cancellationToken);
        }

        // Most cases have a named caseworker (Sam Carter or Priya Shah); one in seven waits for one, so
        // the caseload's "unassigned" and the manager's workload have something to show.
        if (index % 7 != 3)
        {
            var email = DemoStaff[index % 3 == 0 ? 1 : 0].Email;
            var named = await db.People.AsNoTracking().Where(p => p.Email == email).Select(p => p.Id).SingleAsync(cancellationToken);
            await cases.AssignCaseworkerAsync(context, id, named, null, cancellationToken);
        }

        await links.LinkSettingAsync(context, id, setting.Id,
            requesterKind == RequesterKind.SchoolOrCollege ? SettingRelationship.RequestingSetting : SettingRelationship.CurrentSetting, cancellationToken);
        if (familyAccount)
        {
            await links.LinkFamilyAsync(context, id, DemoParentEmail, Role.Parent, cancellationToken);
        }

        var greenPaper = (await db.Assessments.AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken)).RuleSet.Policy.PanelRecommendationRequired;

        // Day n after the request, never later than today.
        DateOnly Day(int n) => received.AddDays(Math.Min(n, today.DayNumber - received.DayNumber));

        async Task Panel(PanelQuestion question, PanelRecommendationOutcome outcome, DateOnly on)
        {
            if (greenPaper)
            {
                await cases.RecordPanelRecommendationAsync(context, id, question, outcome, on, "Education, health, social care and parent carer forum representatives attended.", cancellationToken);
            }
        }

        async Task Assess(int decisionDay)
        {
            await Panel(PanelQuestion.WhetherToAssess, PanelRecommendationOutcome.Yes, Day(decisionDay - 3));
            await cases.DecideToAssessAsync(context, id, Day(decisionDay), "Evidence that needs may require provision through an EHC plan.", cancellationToken);
            await cases.RequestAdviceAsync(context, id, AdviserKind.Educational, school, Day(decisionDay + 1), setting.Id, cancellationToken);
            await cases.RequestAdviceAsync(context, id, AdviserKind.Psychological, "Demoshire Educational Psychology Service", Day(decisionDay + 1), null, cancellationToken);
            await cases.RequestAdviceAsync(context, id, AdviserKind.Health, "Demoshire Community Paediatrics", Day(decisionDay + 2), organisations["ICB-999"].Id, cancellationToken);
            await cases.RequestAdviceAsync(context, id, AdviserKind.SocialCare, "Demoshire Children's Social Care", Day(decisionDay + 2), organisations["SC-999"].Id, cancellationToken);
        }

        async Task ReceiveAdvice(int upToDay)
        {
            var advice = await db.AdviceRequests.AsNoTracking().Where(a => a.AssessmentId == id).OrderBy(a => a.Kind).ToListAsync(cancellationToken);
            var offset = 25;
            foreach (var request in advice)
            {
                var day = request.RequestedOn.DayNumber - received.DayNumber + offset;
                if (day <= upToDay && received.AddDays(day) <= today)
                {
                    await cases.RecordAdviceReceivedAsync(context, id, request.Id, received.AddDays(day), cancellationToken);
                }

                offset += 6;
            }
        }

        async Task Issue(int decisionDay, int serveDay)
        {
            await Assess(36);
            await ReceiveAdvice(decisionDay);
            await Panel(PanelQuestion.WhetherToIssue, PanelRecommendationOutcome.Yes, Day(decisionDay - 2));
            await cases.DecideToIssueAsync(context, id, Day(decisionDay), "The assessment shows provision is needed beyond what the school can make.", cancellationToken);
            if (serveDay > 0)
            {
                await cases.ServeDraftPlanAsync(context, id, Day(serveDay), cancellationToken);
            }
        }

        // The plan written through the plan drafting service, as a caseworker would: a draft, the family's agreement, then the final naming the school.
        async Task DraftAndIssueAsync(int draftDay, int finalDay)
        {
            var plan = await drafting.StartAsync(context, id, cancellationToken);
            await drafting.EditAsync(context, id, plan.Version, c => DemoPlan(c, given, dateOfBirth, Day(finalDay), index), AuditActions.PlanEdited, "Demo plan written.", cancellationToken);
            await drafting.IssueDraftAsync(context, id, Day(draftDay), null, cancellationToken: cancellationToken);
            await cases.RecordRepresentationsAsync(context, id, Day(draftDay + 7), "We agree with the draft.", school, false, true, cancellationToken);
            var drafted = await db.Plans.AsNoTracking().SingleAsync(p => p.AssessmentId == id, cancellationToken);
            await drafting.EditAsync(context, id, drafted.Version, c => c.WithSetting(new OpenSend.Domain.Plans.NamedSetting(school, schoolCode, null, null)), AuditActions.PlanSettingNamed, "Named.", cancellationToken);
            await drafting.IssueFinalAsync(context, id, Day(finalDay), cancellationToken: cancellationToken);
        }

        var age = today.DayNumber - received.DayNumber;
        switch (story)
        {
            case Story.AwaitingDecision:
                break;
            case Story.Assessing:
                await Assess(index % 4 == 0 ? 45 : 38);
                await ReceiveAdvice(age - 20);
                break;
            case Story.Drafting:
                await Issue(age - 5, 0);
                break;
            case Story.DraftWithFamily:
                await Issue(age - 18, age - 12 + (index % 3 * 4));
                if (index % 2 == 0)
                {
                    await cases.RecordRepresentationsAsync(context, id, Day(age - 2), "We would like the speech and language therapy to be weekly.", school, index % 4 == 0, false, cancellationToken);
                }

                break;
            case Story.PlanIssued:
                var late = index % 3 == 0;
                await Issue(98, 0);
                await DraftAndIssueAsync(105, late ? 147 : 126);
                if (schoolCode == Schools[0].Code)
                {
                    var senco = await SencoOfAsync(setting, cancellationToken);
                    await SayWhetherProvisionIsDeliveredAsync(context, senco, id, familyAccount, index, cancellationToken);
                    if (!familyAccount && index % 2 == 1)
                    {
                        await earlyReviews.AskAsync(senco, id,
                            "Since the spring term the child has been too anxious to stay in class for more than an hour. We think the plan needs to change before the annual review.", cancellationToken);
                    }
                }

                break;
            case Story.PlanIssuedLateWithException:
                await Assess(35);
                await cases.RecordExceptionAsync(context, id, ExceptionReason.AbsentFromArea, [StatutoryStep.FinalPlan, StatutoryStep.DecisionNotToIssue], null,
                    Day(60), Day(95), "The family were abroad caring for a relative and the assessment appointments could not take place.", cancellationToken);
                await ReceiveAdvice(110);
                await Panel(PanelQuestion.WhetherToIssue, PanelRecommendationOutcome.Yes, Day(118));
                await cases.DecideToIssueAsync(context, id, Day(120), "", cancellationToken);
                await DraftAndIssueAsync(125, 156);
                break;
            case Story.NotAssessing:
                await Panel(PanelQuestion.WhetherToAssess, PanelRecommendationOutcome.No, Day(33));
                var refusedOn = index % 2 == 0 ? 38 : 46;
                await cases.DecideNotToAssessAsync(context, id, Day(refusedOn),
                    "The school has not yet used its notional SEN budget for a full assess, plan, do, review cycle; needs can be met at SEN support.", cancellationToken);
                await DisagreeAsync(context, organisations, id, refusedOn, Day, today.DayNumber - received.DayNumber, cancellationToken);
                break;
            case Story.NotIssuing:
                await Assess(35);
                await ReceiveAdvice(100);
                await Panel(PanelQuestion.WhetherToIssue, PanelRecommendationOutcome.No, Day(104));
                await cases.DecideNotToIssueAsync(context, id, Day(108), "The advice shows needs can be met from resources normally available to mainstream schools.", cancellationToken);
                break;
            case Story.Withdrawn:
                await cases.WithdrawAsync(context, id, Day(20), "The family chose elective home education.", cancellationToken);
                break;
            case Story.TransferredOut:
                await cases.TransferOutAsync(context, id, Day(21), index % 2 == 0 ? "886" : "850", cancellationToken);
                break;
            case Story.PlanCeased:
            case Story.CeaseDecided:
                await Issue(98, 0);
                await DraftAndIssueAsync(105, 126);
                var review = await db.AnnualReviews.AsNoTracking().Where(AnnualReview.Open).SingleAsync(r => r.AssessmentId == id, cancellationToken);
                var (meetingAgo, ceasesAgo) = story == Story.PlanCeased ? (80, 5) : (30, 0);
                var meeting = today.AddDays(-meetingAgo);
                await reviews.ArrangeMeetingAsync(context, review.Id, meeting, meeting.AddDays(-20), cancellationToken: cancellationToken);
                await reviews.RecordMeetingHeldAsync(context, review.Id, meeting, cancellationToken);
                await reviews.DecideAsync(context, review.Id, meeting.AddDays(5), ReviewDecision.Cease,
                    "The review found every outcome achieved and the school meeting the remaining needs from SEN support.", CeaseReason.NeedsMetWithoutPlan, cancellationToken);
                if (ceasesAgo > 0)
                {
                    await cases.CeasePlanAsync(context, id, today.AddDays(-ceasesAgo), null, null, cancellationToken);
                }

                break;
        }
    }
}
