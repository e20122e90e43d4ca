using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Domain.Dashboard;
using OpenSend.Domain.Returns;

namespace OpenSend.Data.Returns;

/// <summary>The counts a return's summary gives, by the dashboard's own definitions (so the two agree).</summary>
public sealed record Sen2Counts(int RequestsInYear, int PlansIssuedInYear, int PlansWithin20Weeks, int ActivePlans);

/// <summary>A return made and checked: what it holds, what the checks found (with the case to correct), and the file.</summary>
public sealed record Sen2Made(Sen2Return Return, IReadOnlyList<Sen2Finding> Findings, Sen2Counts Counts, IReadOnlyDictionary<(string Surname, string Forename, DateOnly DateOfBirth), Guid> Cases)
{
    /// <summary>The case a finding is corrected on (the child's latest), when the child has one.</summary>
    public Guid? CaseOf(Sen2Finding finding) =>
        Cases.TryGetValue((finding.Subject.Surname, finding.Subject.Forename, finding.Subject.DateOfBirth), out var id) ? id : null;

    public int Errors => Findings.Count(f => f.Severity == Sen2Severity.Error);

    public int Queries => Findings.Count(f => f.Severity == Sen2Severity.Query);

    public string FileName => $"SEN2_{Return.Header.Year}_{Return.Header.LaCode}_{Return.Header.ReferenceDate:yyyyMMdd}.xml";

    public Task WriteAsync(Stream stream, CancellationToken cancellationToken = default) => WriteAsync(Return, stream, cancellationToken);

    /// <summary>The return as the file sent to the DfE: indented UTF-8 XML without a byte order mark.</summary>
    public static async Task WriteAsync(Sen2Return sen2, Stream stream, CancellationToken cancellationToken = default)
    {
        await using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false) });
        await Sen2Xml.Write(sen2).SaveAsync(writer, cancellationToken);
    }
}

/// <summary>Makes an LA's SEN2 return from its records, checks it, and counts it as the dashboard does.</summary>
public sealed class Sen2Returns(Sen2Extract extract, OpenSendDbContext db, TimeProvider time)
{
    /// <summary>
    /// Writes the return for the LA, recording in its audit log who took a copy of every child's
    /// details in it (UK GDPR Article 30: a record of the disclosure to the DfE).
    /// </summary>
    public async Task WriteAsync(RequestContext context, Sen2Made made, Stream stream, CancellationToken cancellationToken = default)
    {
        if (made.Errors > 0)
        {
            throw new InvalidOperationException($"The return has {made.Errors} error{(made.Errors == 1 ? "" : "s")} and cannot be written. Correct them on the cases and make it again.");
        }

        db.AuditRecords.Add(AuditRecord.For(context, made.Return.Header.LaCode, null, AuditActions.Sen2Exported, time.GetUtcNow(),
            $"SEN2 {made.Return.Header.Year}, census {made.Return.Header.ReferenceDate:yyyy-MM-dd}: {made.Return.Persons.Count} children."));
        await db.SaveChangesAsync(cancellationToken);
        await made.WriteAsync(stream, cancellationToken);
    }

    public async Task<Sen2Made> MakeAsync(string laCode, DateOnly census, CancellationToken cancellationToken = default)
    {
        // The return's summary counts (CountsOf) are of the return alone: not where each named setting
        // places a child, nor the year's review ratings, which the dashboard reads besides and an
        // export need not (decision 0013; docs/benchmarks.md, benchmark 3).
        var live = new LiveData(await extract.BuildAsync(laCode, census, cancellationToken), _ => Domain.Dashboard.PlacementType.None, []);
        var findings = Sen2Validation.Check(live.Return);
        var cases = new Dictionary<(string, string, DateOnly), Guid>();
        if (findings.Count > 0)
        {
            var children = await db.Assessments.AsNoTracking().Where(a => a.LaCode == laCode)
                .OrderBy(a => a.RequestReceivedOn)
                .Select(a => new { a.Id, a.Child.FamilyName, a.Child.GivenName, a.Child.DateOfBirth })
                .ToListAsync(cancellationToken);
            foreach (var child in children)
            {
                cases[(child.FamilyName, child.GivenName, child.DateOfBirth)] = child.Id;
            }
        }

        return new Sen2Made(live.Return, findings, CountsOf(live), cases);
    }

    public static Sen2Counts CountsOf(LiveData live)
    {
        var counts = new LiveCounts(new[] { "requests-received", "plans-within-20-weeks", "active-plans" }.SelectMany(id => LiveCounts.CountsOf(Measures.Get(id), live, [])));
        int Numerator(string id) => counts.Overall(Measures.Get(id)).Numerator;
        int Denominator(string id) => counts.Overall(Measures.Get(id)).Denominator;
        return new Sen2Counts(Numerator("requests-received"), Denominator("plans-within-20-weeks"), Numerator("plans-within-20-weeks"), Numerator("active-plans"));
    }
}
