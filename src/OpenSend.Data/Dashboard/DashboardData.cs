using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;
using OpenSend.Data.Returns;
using OpenSend.Domain.Dashboard;
using OpenSend.Domain.Placements;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Returns;

namespace OpenSend.Data.Dashboard;

/// <summary>
/// The person-level data live measures are counted from: the LA's SEN2 return for a census day,
/// where each named setting places the child (the register's type), and the progress ratings of the
/// reviews held in the year before the census. One source for the return and the dashboard.
/// </summary>
public sealed class DashboardData(OpenSendDbContext db, Sen2Extract extract, TimeProvider time)
{
    private readonly Dictionary<(string, DateOnly, int), LiveData> _cache = [];

    /// <summary>
    /// A reporting year's data: the return whose census closes it, or for the year still running,
    /// the same collection as recorded so far (as at today, still reporting on this year).
    /// </summary>
    public Task<LiveData> ForYearAsync(string laCode, int year, CancellationToken cancellationToken = default) =>
        LiveAsync(laCode, CensusFor(year), cancellationToken, year + 1);

    /// <summary>The census that closes a reporting year: January of the next year, or today for the year still running.</summary>
    public DateOnly CensusFor(int year)
    {
        var census = Sen2Extract.CensusDay(year + 1);
        var today = Domain.Common.UkCalendar.Today(time);
        return census <= today ? census : today;
    }

    public async Task<LiveData> LiveAsync(string laCode, DateOnly census, CancellationToken cancellationToken = default, int? collectionYear = null)
    {
        var collection = collectionYear ?? census.Year;
        if (_cache.TryGetValue((laCode, census, collection), out var cached))
        {
            return cached;
        }

        var sen2 = await extract.BuildAsync(laCode, census, cancellationToken, collection);
        var urns = sen2.Plans.SelectMany(p => p.Plan.PlanSettings).Select(s => s.Urn).OfType<string>().Distinct().ToList();
        var categories = await db.Settings.AsNoTracking().Where(s => urns.Contains(s.Urn)).ToDictionaryAsync(s => s.Urn, s => (s.Category, s.TypeCode), cancellationToken);
        PlacementType PlacementOf(Sen2Setting setting) => setting.Urn is { } urn && categories.TryGetValue(urn, out var c)
            ? c.Category switch
            {
                SettingCategory.Mainstream or SettingCategory.Independent => PlacementType.Mainstream,
                SettingCategory.Special or SettingCategory.NonMaintainedSpecial or SettingCategory.IndependentSpecial => PlacementType.Special,
                SettingCategory.AlternativeProvision => PlacementType.AlternativeProvision,
                SettingCategory.PostSixteen => PlacementType.PostSixteen,
                _ => PlacementType.Other,
            }
            : setting.Ukprn is not null ? PlacementType.PostSixteen
            : setting.Category is not null ? PlacementType.Other
            : PlacementType.None;

        var from = new DateOnly(collection - 1, 1, 1);
        var to = new DateOnly(collection - 1, 12, 31);
        var reviews = await db.AnnualReviews.AsNoTracking()
            .Where(r => r.LaCode == laCode && r.MeetingHeldOn >= from && r.MeetingHeldOn <= to && r.ReportSentOn != null && r.ReportSentOn <= census)
            .Join(db.Assessments.AsNoTracking(), r => r.AssessmentId, a => a.Id, (r, a) => new { r.Report, a.Child, a.ChildDetails })
            .ToListAsync(cancellationToken);
        var progress = reviews.Where(r => r.Report is not null)
            .SelectMany(r => r.Report!.Progress.Select(p => new ProgressRating(Person(r.Child, r.ChildDetails), p.Progress)))
            .ToList();
        var live = new LiveData(sen2, PlacementOf, progress, await ProvisionReportedAsync(laCode, from, to, census, cancellationToken),
            (await RedressAsync(laCode, cancellationToken)).For(sen2));
        _cache[(laCode, census, collection)] = live;
        return live;
    }

    /// <summary>
    /// Each piece of provision the family or a setting reported on in the year (up to census day), and
    /// whether the latest word of any of them then said it was missing in full or in part.
    /// </summary>
    private async Task<IReadOnlyList<ProvisionReported>> ProvisionReportedAsync(string laCode, DateOnly from, DateOnly to, DateOnly census, CancellationToken cancellationToken)
    {
        var since = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var until = new DateTimeOffset((to < census ? to : census).AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var reports = await db.ProvisionDeliveryReports.AsNoTracking()
            .Where(r => r.LaCode == laCode && r.ReportedAt >= since && r.ReportedAt < until)
            .Join(db.Assessments.AsNoTracking(), r => r.AssessmentId, a => a.Id, (r, a) => new { Report = r, a.Child, a.ChildDetails })
            .ToListAsync(cancellationToken);
        return reports
            .GroupBy(x => (x.Report.AssessmentId, x.Report.ProvisionId))
            .Select(item =>
            {
                var child = item.First();
                return new ProvisionReported(Person(child.Child, child.ChildDetails), ProvisionDeliveryReport.Latest(item.Select(x => x.Report)).Any(r => r.IsUndelivered));
            })
            .ToList();
    }

    private readonly Dictionary<string, RedressRead> _redress = [];

    /// <summary>
    /// The LA's mediations, appeals, orders and complaints, read once per unit of work (the five years
    /// are counted from the same records), with each case's child for those the return leaves out.
    /// </summary>
    private async Task<RedressRead> RedressAsync(string laCode, CancellationToken cancellationToken)
    {
        if (_redress.TryGetValue(laCode, out var cached))
        {
            return cached;
        }

        var mediations = await db.Mediations.AsNoTracking().Where(m => m.LaCode == laCode).ToListAsync(cancellationToken);
        var appeals = await db.TribunalAppeals.AsNoTracking().Where(a => a.LaCode == laCode).ToListAsync(cancellationToken);
        var complaints = await db.Complaints.AsNoTracking().Where(c => c.LaCode == laCode).Select(c => new ComplaintMade(c.AssessmentId, c.MadeOn)).ToListAsync(cancellationToken);
        var ids = mediations.Select(m => m.AssessmentId).Concat(appeals.Select(a => a.AssessmentId)).Concat(complaints.Select(c => c.AssessmentId)).Distinct().ToList();
        var cases = ids.Count == 0 ? [] : await db.Assessments.AsNoTracking().Where(a => a.LaCode == laCode && ids.Contains(a.Id))
            .Select(a => new CaseRead(a.Id, a.Child, a.ChildDetails, a.Orders, a.RuleSetId))
            .ToListAsync(cancellationToken);
        return _redress[laCode] = new RedressRead(mediations, appeals, complaints, cases.ToDictionary(c => c.Id));
    }

    private sealed record ComplaintMade(Guid AssessmentId, DateOnly MadeOn);

    private sealed record CaseRead(Guid Id, Domain.Assessments.Child Child, ChildDetails ChildDetails, IReadOnlyList<Domain.Redress.OrderClock> Orders, string RuleSetId);

    private sealed record RedressRead(
        List<Domain.Redress.Mediation> Mediations,
        List<Domain.Redress.TribunalAppeal> Appeals,
        List<ComplaintMade> Complaints,
        Dictionary<Guid, CaseRead> Cases)
    {
        /// <summary>The records with each child as the return has them (the case's own details where it is not in the return).</summary>
        public RedressRecords For(Sen2Return sen2)
        {
            if (Cases.Count == 0)
            {
                return RedressRecords.None;
            }

            Sen2Person PersonOf(Guid id) => sen2.PersonByCase.TryGetValue(id, out var person) ? person : Person(Cases[id].Child, Cases[id].ChildDetails);
            bool SameDecision(Domain.Redress.Mediation m, Domain.Redress.TribunalAppeal a) =>
                m.AssessmentId == a.AssessmentId && m.Decision == a.Decision && m.DecidedOn == a.DecidedOn;
            return new RedressRecords(
                [.. Mediations.Select(m => new MediationCounted(PersonOf(m.AssessmentId), m,
                    Appeals.Where(a => SameDecision(m, a)).Select(a => (DateOnly?)a.RegisteredOn).Min()))],
                [.. Appeals.Select(a => new AppealCounted(PersonOf(a.AssessmentId), a,
                    Mediations.Any(m => SameDecision(m, a) && m.HeldOn is { } held && held <= a.RegisteredOn)))],
                [.. Cases.Values.SelectMany(c => c.Orders.Select(o => new OrderCounted(PersonOf(c.Id), o, Domain.Timescales.RuleSetCatalogue.Get(c.RuleSetId))))],
                [.. Complaints.Select(c => new ComplaintCounted(PersonOf(c.AssessmentId), c.MadeOn))]);
        }
    }

    /// <summary>The child as the breakdowns count them (sex, ethnicity, age), for measures not read from the return itself.</summary>
    private static Sen2Person Person(Domain.Assessments.Child child, ChildDetails details) =>
        new(child.FamilyName, child.GivenName, child.DateOfBirth, details.Sex, details.Ethnicity, null, null, null, null, []);

    /// <summary>Whether the LA keeps its cases in OpenSEND (so its figures can be counted live).</summary>
    public Task<bool> HasLiveDataAsync(string laCode, CancellationToken cancellationToken = default) =>
        db.Assessments.AsNoTracking().AnyAsync(a => a.LaCode == laCode, cancellationToken);
}
