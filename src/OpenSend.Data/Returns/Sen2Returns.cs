using System.Text;
using System.Xml;
using OpenSend.Data.Dashboard;
using OpenSend.Domain.Dashboard;
using OpenSend.Domain.Returns;

namespace OpenSend.Data.Returns;

/// <summary>The counts a return's summary gives, by the dashboard's own definitions (so the two agree).</summary>
public sealed record Sen2Counts(int RequestsInYear, int PlansIssuedInYear, int PlansWithin20Weeks, int ActivePlans);

/// <summary>A return made and checked: what it holds, what the checks found, and the file.</summary>
public sealed record Sen2Made(Sen2Return Return, IReadOnlyList<Sen2Finding> Findings, Sen2Counts Counts)
{
    public int Errors => Findings.Count(f => f.Severity == Sen2Severity.Error);

    public int Queries => Findings.Count(f => f.Severity == Sen2Severity.Query);

    public string FileName => $"SEN2_{Return.Header.Year}_{Return.Header.LaCode}_{Return.Header.ReferenceDate:yyyyMMdd}.xml";

    public async Task WriteAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        await using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false) });
        await Sen2Xml.Write(Return).SaveAsync(writer, cancellationToken);
    }
}

/// <summary>Makes an LA's SEN2 return from its records, checks it, and counts it as the dashboard does.</summary>
public sealed class Sen2Returns(DashboardData data)
{
    public async Task<Sen2Made> MakeAsync(string laCode, DateOnly census, CancellationToken cancellationToken = default)
    {
        var live = await data.LiveAsync(laCode, census, cancellationToken);
        return new Sen2Made(live.Return, Sen2Validation.Check(live.Return), CountsOf(live));
    }

    public static Sen2Counts CountsOf(LiveData live)
    {
        int Numerator(string id) => Measures.Get(id).Live!(live).Count(u => u.InNumerator && u.InDenominator);
        int Denominator(string id) => Measures.Get(id).Live!(live).Count(u => u.InDenominator);
        return new Sen2Counts(Numerator("requests-received"), Denominator("plans-within-20-weeks"), Numerator("plans-within-20-weeks"), Numerator("active-plans"));
    }
}
