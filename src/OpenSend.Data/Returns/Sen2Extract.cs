using System.Reflection;
using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Placements;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Returns;
using OpenSend.Domain.Reviews;
using OpenSend.Domain.Timescales;

namespace OpenSend.Data.Returns;

/// <summary>
/// Builds an LA's SEN2 return for a census date from its own records, by the collection's scope
/// rules (../shared/spec/sen2.md): plans active on census day; plans ceased in the previous
/// calendar year; requests, assessments and plans completed in it; and work in progress at every
/// stage. Only what had happened by census day counts, so a past census can be made again and
/// gives the same return. The dashboard's live measures are counted from the same return, so the
/// two can never disagree.
/// </summary>
public sealed class Sen2Extract(OpenSendDbContext db, TimeProvider time)
{
    public static readonly string Release = typeof(Sen2Extract).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0.0";

    /// <summary>The DfE's census day in January: the third Thursday (SEN2 2025 was 16 January 2025).</summary>
    public static DateOnly CensusDay(int year)
    {
        var first = new DateOnly(year, 1, 1);
        var firstThursday = first.AddDays(((int)DayOfWeek.Thursday - (int)first.DayOfWeek + 7) % 7);
        return firstThursday.AddDays(14);
    }

    /// <param name="collectionYear">
    /// The collection the return is for (SEN2 2026, reporting on 2025); by default the census date's
    /// year. Given with an earlier date, it is the collection so far: what is recorded by that day.
    /// </param>
    public async Task<Sen2Return> BuildAsync(string laCode, DateOnly census, CancellationToken cancellationToken = default, int? collectionYear = null)
    {
        var collection = collectionYear ?? census.Year;
        var reporting = (From: new DateOnly(collection - 1, 1, 1), To: new DateOnly(collection - 1, 12, 31));
        bool InYear(DateOnly? date) => date is { } d && d >= reporting.From && d <= reporting.To;

        var (cases, plans, reviews, placements, settings) = await RecordsAsync(laCode, cancellationToken);
        // SEN2's mediation and tribunal items (decision 0020): mediation held, or an appeal registered, by
        // census day, about the request (a refusal to assess), the assessment (a refusal to issue, or the
        // plan it made), or anything else on the plan since.
        var mediated = (await db.Mediations.AsNoTracking().Where(m => m.LaCode == laCode && m.HeldOn != null && m.HeldOn <= census)
                .Select(m => new { m.AssessmentId, m.Decision }).ToListAsync(cancellationToken))
            .ToLookup(m => m.AssessmentId, m => Sen2RedressItems.About(m.Decision));
        var appealed = (await db.TribunalAppeals.AsNoTracking().Where(t => t.LaCode == laCode && t.RegisteredOn <= census)
                .Select(t => new { t.AssessmentId, t.Decision }).ToListAsync(cancellationToken))
            .ToLookup(t => t.AssessmentId, t => Sen2RedressItems.About(t.Decision));
        var persons = new List<(EhcCase Case, Sen2Request Request)>();
        foreach (var a in cases.Where(c => c.RequestReceivedOn <= census))
        {
            // What was known on census day.
            DateOnly? Known(DateOnly? date) => date <= census ? date : null;
            var assessedOn = Known(a.AssessDecisionOn);
            var closedOn = Known(a.ClosedOn);
            var planStart = Known(a.FinalPlanIssuedOn);
            var issueDecision = Known(a.IssueDecisionOn);
            var ceasedOn = a.Stage == AssessmentStage.PlanCeased ? Known(a.PlanCeasedOn)
                : a.Stage == AssessmentStage.TransferredOut && planStart is not null ? closedOn
                : null;

            Sen2RequestOutcome? requestOutcome = assessedOn is not null ? (a.WillAssess == true ? Sen2RequestOutcome.A : Sen2RequestOutcome.N)
                : a.Stage == AssessmentStage.Withdrawn && closedOn is not null ? Sen2RequestOutcome.W
                : null;
            // A plan that moved in from another LA is in force without a request here (reg 15).
            if (a.TransferredInOn is not null && planStart is not null)
            {
                requestOutcome = Sen2RequestOutcome.A;
            }

            var requestOutcomeOn = requestOutcome switch
            {
                Sen2RequestOutcome.W => closedOn,
                not null => a.TransferredInOn is not null ? planStart : assessedOn,
                _ => null,
            };

            Sen2AssessmentOutcome? assessmentOutcome = planStart is not null ? Sen2AssessmentOutcome.Y
                : a.WillIssue == false && issueDecision is not null ? Sen2AssessmentOutcome.N
                : requestOutcome == Sen2RequestOutcome.A && a.Stage is AssessmentStage.Withdrawn or AssessmentStage.TransferredOut && closedOn is not null ? Sen2AssessmentOutcome.W
                : null;
            var assessmentOutcomeOn = assessmentOutcome switch
            {
                Sen2AssessmentOutcome.Y => planStart,
                Sen2AssessmentOutcome.N => issueDecision,
                Sen2AssessmentOutcome.W => closedOn,
                _ => null,
            };

            var active = planStart is not null && ceasedOn is null;
            // Every request received in the year is reported (the DfE counts requests received in the calendar year), with those completed in it.
            var inScope = active || InYear(a.RequestReceivedOn) || InYear(ceasedOn) || InYear(requestOutcomeOn) || InYear(assessmentOutcomeOn)
                || requestOutcome is null && closedOn is null // a request still waiting for its decision
                || (requestOutcome == Sen2RequestOutcome.A && assessmentOutcome is null); // an assessment in progress
            if (!inScope)
            {
                continue;
            }

            Sen2Plan? plan = null;
            if (assessmentOutcome == Sen2AssessmentOutcome.Y)
            {
                var content = plans.GetValueOrDefault(a.Id)?.Versions.Where(v => v.Status == PlanStatus.Final && v.IssuedOn <= census).OrderBy(v => v.Number).LastOrDefault()?.Content;
                var review = reviews[a.Id].Where(r => r.MeetingHeldOn <= census).MaxBy(r => r.MeetingHeldOn);
                var phase = reviews[a.Id].Where(r => r.PhaseTransferDueBy is not null && r.CreatedAt <= Domain.Common.UkCalendar.StartOf(census.AddDays(1))).MaxBy(r => r.PhaseTransferDueBy);
                var named = content?.SectionI;
                var placement = placements.GetValueOrDefault(a.Id);
                var setting = named?.Urn is { } urn ? settings.GetValueOrDefault(urn) : null;
                var inUnit = placement is not null && placement.NamedUrn == named?.Urn && placement.DecidedOn <= census
                    && placement.Entries.FirstOrDefault(e => e.Urn == placement.NamedUrn)?.Tier == ListTier.SpecialistInMainstream;
                var settingsNamed = named is null
                    ? new List<Sen2Setting>()
                    : [new Sen2Setting(named.Urn, named.Urn is null ? named.Ukprn : setting?.Ukprn is { } ukprn && setting.Category == SettingCategory.PostSixteen ? ukprn : null,
                        // What the child has instead of a school, as recorded in section I; "other" only when nothing more is known.
                        named.Urn is null && named.Ukprn is null ? named.Arrangement ?? Sen2SettingCategory.OTH : null, 1,
                        inUnit && setting!.Specialist.HasFlag(SpecialistProvision.SenUnit), inUnit && setting!.Specialist.HasFlag(SpecialistProvision.ResourcedProvision))];
                plan = new Sen2Plan(
                    planStart!.Value,
                    Residential: named?.Residential == true,
                    WorkBasedLearning: named?.WorkBasedLearning == true,
                    PersonalBudgetOrganisedArrangements: !string.IsNullOrWhiteSpace(content?.SectionJ?.Arrangements),
                    PersonalBudgetDirectPayments: content?.SectionJ?.DirectPayments == true,
                    ceasedOn,
                    ceasedOn is null ? null : a.Stage == AssessmentStage.TransferredOut ? (int)CeaseReason.TransferredToAnotherLa : (int?)a.CeaseReason,
                    settingsNamed,
                    active ? new Sen2ActivePlan(
                        a.TransferredFromLaCode,
                        review?.MeetingHeldOn,
                        review?.DecidedOn <= census ? review.Decision switch { ReviewDecision.Maintain => "M", ReviewDecision.Amend => "A", ReviewDecision.Cease => "C", _ => null } : null,
                        review?.DecidedOn <= census ? review.DecidedOn : null,
                        review?.AmendmentNoticeOn <= census ? review.AmendmentNoticeOn : null,
                        phase?.PhaseTransferDueBy,
                        phase?.AmendedPlanIssuedOn <= census ? phase.AmendedPlanIssuedOn : null) : null,
                    settingsNamed.Select(s => s with { EntryDate = planStart }).ToList(),
                    (content?.NeedsIn(PlanSection.B) ?? []).Where(n => n.NeedType is not null && n.Rank is not null)
                        .Select(n => new Sen2Need(n.NeedType!.Value, n.Rank!.Value)).OrderBy(n => n.Rank).ToList());
            }

            // A transferred plan's request was made to the old LA; the plan's making date stands for it (reg 15(3)(a)).
            var receivedOn = a.TransferredInOn is not null && planStart is { } made ? made : a.RequestReceivedOn;
            var request = new Sen2Request(
                receivedOn,
                a.Requester.Kind switch { RequesterKind.Parent => Sen2RequestSource.P, RequesterKind.YoungPerson => Sen2RequestSource.Y, RequesterKind.SchoolOrCollege => Sen2RequestSource.S, _ => Sen2RequestSource.O },
                RelevantYouthAccommodation: false,
                requestOutcome,
                requestOutcomeOn,
                Mediation: mediated[a.Id].Contains(Sen2Redress.Request),
                Tribunal: appealed[a.Id].Contains(Sen2Redress.Request),
                TransferredOut: a.Stage == AssessmentStage.TransferredOut && planStart is null && closedOn is not null,
                requestOutcome == Sen2RequestOutcome.A
                    ? new Sen2Assessment(assessmentOutcome, assessmentOutcomeOn,
                        mediated[a.Id].Contains(Sen2Redress.Assessment), appealed[a.Id].Contains(Sen2Redress.Assessment),
                        mediated[a.Id].Contains(Sen2Redress.Other), appealed[a.Id].Contains(Sen2Redress.Other),
                        a.Exceptions.Any(e => e.Steps.Contains(StatutoryStep.FinalPlan)), plan)
                    : null);
            persons.Add((a, request));
        }

        // One person per child: the same name, date of birth and pupil number across requests.
        var personByCase = new Dictionary<Guid, Sen2Person>();
        var grouped = persons
            .GroupBy(p => (p.Case.Child.FamilyName, p.Case.Child.GivenName, p.Case.Child.DateOfBirth, p.Case.ChildDetails.Upn))
            .Select(g =>
            {
                var first = g.OrderBy(p => p.Case.RequestReceivedOn).First().Case;
                var details = g.Select(p => p.Case.ChildDetails).LastOrDefault(d => d != ChildDetails.None) ?? first.ChildDetails;
                var person = new Sen2Person(first.Child.FamilyName, first.Child.GivenName, first.Child.DateOfBirth, details.Sex, details.Ethnicity, details.Postcode,
                    details.Upn, details.Uln, details.UpnUnknownReason, g.Select(p => p.Request).OrderBy(r => r.ReceivedDate).ToList());
                foreach (var (c, _) in g)
                {
                    personByCase[c.Id] = person;
                }

                return person;
            })
            .OrderBy(p => p.Surname, StringComparer.Ordinal).ThenBy(p => p.Forename, StringComparer.Ordinal).ThenBy(p => p.DateOfBirth)
            .ToList();

        var officers = await OfficersAsync(laCode, cancellationToken);
        var header = new Sen2Header(collection, census, laCode, "OpenSEND", Release, 1, time.GetUtcNow(), officers.Dmo, officers.Dco, officers.Dsco);
        return new Sen2Return(header, grouped) { PersonByCase = personByCase };
    }

    /// <summary>What the return takes from a review.</summary>
    private sealed record ReviewDates(
        Guid AssessmentId, DateTimeOffset CreatedAt, DateOnly? MeetingHeldOn, DateOnly? DecidedOn, ReviewDecision? Decision,
        DateOnly? AmendmentNoticeOn, DateOnly? AmendedPlanIssuedOn, DateOnly? PhaseTransferDueBy);

    private sealed record Records(
        List<EhcCase> Cases,
        Dictionary<Guid, EhcPlan> Plans,
        ILookup<Guid, ReviewDates> Reviews,
        Dictionary<Guid, Placement> Placements,
        Dictionary<string, Setting> Settings);

    private readonly Dictionary<string, Records> _records = [];

    /// <summary>
    /// The LA's records a return is made from, read once per unit of work: the dashboard makes a
    /// return for each of five censuses from the same records, so it reads them once, not five times.
    /// </summary>
    private async Task<Records> RecordsAsync(string laCode, CancellationToken cancellationToken)
    {
        if (_records.TryGetValue(laCode, out var cached))
        {
            return cached;
        }

        var cases = await db.Assessments.AsNoTracking().Include(a => a.Exceptions).AsSplitQuery()
            .Where(a => a.LaCode == laCode)
            .ToListAsync(cancellationToken);
        // The return takes only final plans (drafts are not in force), so drafts' content is not read.
        var plans = (await db.Plans.AsNoTracking().Include(p => p.Versions.Where(v => v.Status == PlanStatus.Final)).Where(p => p.LaCode == laCode).ToListAsync(cancellationToken))
            .ToDictionary(p => p.AssessmentId);
        // Only the dates and decision the return takes: not each review's report, whose JSON was a third of the largest LA's read.
        var reviews = (await db.AnnualReviews.AsNoTracking().Where(r => r.LaCode == laCode)
            .Select(r => new ReviewDates(r.AssessmentId, r.CreatedAt, r.MeetingHeldOn, r.DecidedOn, r.Decision, r.AmendmentNoticeOn, r.AmendedPlanIssuedOn, r.PhaseTransferDueBy))
            .ToListAsync(cancellationToken)).ToLookup(r => r.AssessmentId);
        var placements = (await db.Placements.AsNoTracking().Include(p => p.Entries).Where(p => p.LaCode == laCode && p.DecidedOn != null).ToListAsync(cancellationToken))
            .ToDictionary(p => p.AssessmentId);
        var namedUrns = plans.Values.SelectMany(p => p.Versions).Select(v => v.Content.SectionI?.Urn).OfType<string>().Distinct().ToList();
        var settings = await db.Settings.AsNoTracking().Where(s => namedUrns.Contains(s.Urn)).ToDictionaryAsync(s => s.Urn, cancellationToken);
        var records = new Records(cases, plans, reviews, placements, settings);
        _records[laCode] = records;
        return records;
    }

    /// <summary>Whether the LA has a designated medical, clinical and social care officer, from the latest published SEN2 supporting file, if loaded.</summary>
    private async Task<(bool? Dmo, bool? Dco, bool? Dsco)> OfficersAsync(string laCode, CancellationToken cancellationToken)
    {
        var row = await db.PublishedRows.AsNoTracking().Where(r => r.Table == Statistics.PublishedTables.Officers && r.AreaCode == laCode)
            .OrderByDescending(r => r.TimePeriod).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return (null, null, null);
        }

        static bool? YesNo(string? value) => value switch { "Yes" => true, "No" => false, _ => null };
        return (YesNo(row.Text("des_med_off")), YesNo(row.Text("des_clin_off")), YesNo(row.Text("des_so_care_off")));
    }
}

/// <summary>Which SEN2 mediation and tribunal item a disagreement about a decision belongs to.</summary>
internal enum Sen2Redress
{
    Request,
    Assessment,
    Other,
}

internal static class Sen2RedressItems
{
    /// <summary>A refusal to assess is about the request; a refusal to issue, or the plan the assessment made, about the assessment; anything later is other.</summary>
    public static Sen2Redress About(AppealableDecision decision) => decision switch
    {
        AppealableDecision.NotToAssess => Sen2Redress.Request,
        AppealableDecision.NotToIssue or AppealableDecision.FinalPlanContents => Sen2Redress.Assessment,
        _ => Sen2Redress.Other,
    };
}
