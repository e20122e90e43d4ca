using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;
using OpenSend.Domain.Common;
using OpenSend.Domain.Placements;
using OpenSend.Domain.Plans;

namespace OpenSend.Data.Demo;

/// <summary>
/// Demoshire's settings register, as GIAS would give it, for the demo and the tests: the demo
/// schools, a few more, the council's suitable list and the places it commissions. Every setting
/// is invented: URNs in the 999000s, postcodes in the DM area (no real postcode area), grid
/// references around an invented town.
/// </summary>
public static class DemoSettings
{
    /// <summary>A home postcode in the same invented town (its sector has settings, so distances can be worked out).</summary>
    public const string HomePostcode = "DM1 2XY";

    /// <summary>(URN, name, GIAS type code, low age, high age, km east of town, km north, postcode, SEN provision, caters for, capacity, pupils, s.41).</summary>
    private static readonly (string Urn, string Name, int Type, int Low, int High, double East, double North, string Postcode, SpecialistProvision Specialist, Sen2NeedType[] CatersFor, int? Capacity, int? Pupils, bool Section41)[] Rows =
    [
        ("999001", "Oakfield Primary School", 1, 4, 11, 1.0, 0.5, "DM1 2AB", SpecialistProvision.None, [], 420, 401, false),
        ("999002", "Brookside Infant School", 1, 4, 7, -1.5, 1.0, "DM1 1BC", SpecialistProvision.None, [], 270, 262, false),
        ("999003", "Hillcrest Academy", 34, 11, 16, 2.5, -1.0, "DM2 4CD", SpecialistProvision.ResourcedProvision, [Sen2NeedType.HI], 1200, 1150, false),
        ("999004", "St Aldhelm's CofE Primary School", 3, 4, 11, -3.0, -2.0, "DM3 7DE", SpecialistProvision.None, [], 210, 210, false),
        ("999005", "Demoshire Secondary School", 28, 11, 18, 0.5, 3.5, "DM2 1EF", SpecialistProvision.None, [], 1500, 1380, false),
        ("999006", "Riverside Nursery", 15, 2, 5, -0.5, -0.5, "DM1 2FG", SpecialistProvision.None, [], 80, 74, false),
        ("999007", "Demoshire College", 18, 16, 99, 4.0, 1.0, "DM4 3GH", SpecialistProvision.None, [], null, null, false),
        ("999008", "Meadowbank Special School", 7, 3, 19, 6.0, 4.0, "DM5 8HJ", SpecialistProvision.None, [Sen2NeedType.ASD, Sen2NeedType.SLCN, Sen2NeedType.SLD], null, null, false),
        ("999009", "Larkspur Primary School", 34, 4, 11, 3.0, -3.5, "DM3 2JK", SpecialistProvision.SenUnit, [Sen2NeedType.ASD], 630, 598, false),
        ("999010", "Kestrel House School", 10, 7, 16, 9.0, -6.0, "DM6 1KL", SpecialistProvision.None, [Sen2NeedType.SEMH], null, null, true),
        ("999011", "Fenwick Primary School", 1, 4, 11, 42.0, 12.0, "DM9 4LM", SpecialistProvision.None, [], 315, 280, false),
    ];

    /// <summary>The places Demoshire commissions: (URN, kind, need, commissioned, filled).</summary>
    private static readonly (string Urn, PlaceKind Kind, Sen2NeedType? Need, int Commissioned, int Filled)[] Places =
    [
        ("999008", PlaceKind.SpecialSchool, Sen2NeedType.ASD, 40, 39),
        ("999008", PlaceKind.SpecialSchool, Sen2NeedType.SLCN, 20, 20),
        ("999009", PlaceKind.SenUnit, Sen2NeedType.ASD, 8, 8),
        ("999003", PlaceKind.ResourcedProvision, Sen2NeedType.HI, 10, 7),
        ("999010", PlaceKind.IndependentOrNonMaintained, Sen2NeedType.SEMH, 6, 5),
    ];

    private const int TownEasting = 451_200;
    private const int TownNorthing = 298_400;

    /// <summary>Adds what is missing: the settings, the council's suitable list (every setting but the far one) and its places. Idempotent.</summary>
    public static async Task SeedAsync(OpenSendDbContext db, string laCode, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var existing = (await db.Settings.Select(s => s.Urn).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var row in Rows.Where(r => !existing.Contains(r.Urn)))
        {
            db.Settings.Add(new Setting(row.Urn, SettingSource.Gias, row.Name)
            {
                LaCode = laCode,
                TypeCode = row.Type,
                TypeName = TypeName(row.Type),
                Category = Setting.CategoryOf(row.Type),
                Status = SettingStatus.Open,
                Phase = row.High <= 5 ? "Nursery" : row.Low >= 16 ? "16 plus" : row.Type is 7 or 10 ? "Not applicable" : row.Low >= 11 ? "Secondary" : "Primary",
                LowAge = row.Low,
                HighAge = row.High,
                Capacity = row.Capacity,
                Pupils = row.Pupils,
                Specialist = row.Specialist,
                CatersFor = row.CatersFor,
                Section41Approved = row.Section41,
                Ukprn = row.Type == 18 ? "10099907" : null,
                Street = "Invented Road",
                Town = "Demotown",
                Postcode = row.Postcode,
                Easting = TownEasting + (int)(row.East * 1000),
                Northing = TownNorthing + (int)(row.North * 1000),
                UpdatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        var listed = (await db.SuitableSettings.Where(s => s.LaCode == laCode).Select(s => s.SettingUrn).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var row in Rows.Where(r => r.Urn != "999011" && !listed.Contains(r.Urn)))
        {
            db.SuitableSettings.Add(new SuitableSetting(laCode, row.Urn, null, "Demo data", now));
        }

        var commissioned = await db.CommissionedPlaces.Where(p => p.LaCode == laCode).Select(p => new { p.SettingUrn, p.Kind, p.Need }).ToListAsync(cancellationToken);
        foreach (var place in Places.Where(p => !commissioned.Any(c => c.SettingUrn == p.Urn && c.Kind == p.Kind && c.Need == p.Need)))
        {
            var places = new CommissionedPlaces(RecordId.New(), laCode, place.Urn, place.Kind, place.Need, now);
            places.Set(place.Commissioned, place.Filled, now);
            db.CommissionedPlaces.Add(places);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static string TypeName(int type) => type switch
    {
        1 => "Community school",
        3 => "Voluntary controlled school",
        7 => "Community special school",
        10 => "Other independent special school",
        15 => "Local authority nursery school",
        18 => "Further education",
        28 => "Academy sponsor led",
        _ => "Academy converter",
    };
}
