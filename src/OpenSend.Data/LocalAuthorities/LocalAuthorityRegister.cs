using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;
using OpenSend.Domain.LocalAuthorities;

namespace OpenSend.Data.LocalAuthorities;

/// <summary>
/// England's 153 local authorities with their DfE and ONS codes and regions, as published in the
/// DfE's "Education, health and care plans" statistics (2025 release, Open Government Licence v3.0).
/// </summary>
public static class LocalAuthorityRegister
{
    /// <summary>The invented LA the demo data belongs to (DEVELOPERS.md: code 999, South East).</summary>
    public static LocalAuthority Demoshire() => new("999", "E99999999", "Demoshire", "E12000008", "South East");

    /// <summary>
    /// The demo's second council (code 998, invented like Demoshire), so that the demo can show another
    /// council's staff and a plan moving between councils without giving a real council's code invented
    /// members.
    /// </summary>
    public static LocalAuthority Northshire() => new("998", "E99999998", "Northshire", "E12000008", "South East");

    public static IReadOnlyList<LocalAuthority> England()
    {
        using var stream = typeof(LocalAuthorityRegister).Assembly.GetManifestResourceStream("OpenSend.Data.local-authorities.csv")
            ?? throw new InvalidOperationException("The local authority list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        return csv.GetRecords<Row>()
            .Select(r => new LocalAuthority(r.la_code, r.gss_code, r.name, r.region_code, r.region_name))
            .ToList();
    }

    /// <summary>Adds any local authority not yet in the database. Safe to run on every start.</summary>
    public static async Task<int> EnsureLoadedAsync(OpenSendDbContext db, CancellationToken cancellationToken = default)
    {
        var known = await db.LocalAuthorities.Select(l => l.Code).ToListAsync(cancellationToken);
        var missing = England().Where(l => !known.Contains(l.Code)).ToList();
        db.LocalAuthorities.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
        return missing.Count;
    }

#pragma warning disable IDE1006 // CSV header names
    private sealed record Row(string la_code, string gss_code, string name, string region_code, string region_name);
#pragma warning restore IDE1006
}
