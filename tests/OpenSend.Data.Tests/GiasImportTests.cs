using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Database;
using OpenSend.Data.Placements;
using OpenSend.Domain.Placements;
using OpenSend.Domain.Plans;
using OpenSend.Testing;

namespace OpenSend.Data.Tests;

/// <summary>The settings register from GIAS's file: the real header, Windows-1252, and the awkward rows real files have.</summary>
public abstract class GiasImportTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    /// <summary>Seven good rows (a school closed and reopened as an academy among them) and five a register cannot take.</summary>
    private static List<Dictionary<string, string>> Rows() =>
    [
        GiasFile.School("100001", "St Æthelwold's, Church of England Primary School", ("TypeOfEstablishment (code)", "3"), ("TypeOfEstablishment (name)", "Voluntary controlled school"), ("SchoolCapacity", "")),
        GiasFile.School("100002", "Hill Top Primary School", ("EstablishmentNumber", "2345"), ("EstablishmentStatus (name)", "Closed"), ("CloseDate", "31-08-2024")),
        GiasFile.School("140002", "Hill Top Primary Academy", ("EstablishmentNumber", "2345"), ("TypeOfEstablishment (code)", "34"), ("TypeOfEstablishment (name)", "Academy converter"),
            ("ReasonEstablishmentOpened (name)", "Academy Converter"), ("OpenDate", "01-09-2024")),
        GiasFile.School("100003", "Meadowbank Special School", ("TypeOfEstablishment (code)", "7"), ("TypeOfEstablishment (name)", "Community special school"),
            ("PhaseOfEducation (name)", "Not applicable"), ("StatutoryLowAge", "3"), ("StatutoryHighAge", "19"), ("SEN1 (name)", "ASD - Autistic Spectrum Disorder"), ("SEN2 (name)", "SLCN - Speech, language and Communication"), ("SEN3 (name)", "Not Applicable")),
        GiasFile.School("100004", "Demoshire Secondary School", ("PhaseOfEducation (name)", "Secondary"), ("StatutoryLowAge", "11"), ("StatutoryHighAge", "16"),
            ("TypeOfResourcedProvision (name)", "SEN unit"), ("SenUnitCapacity", "12"), ("SenUnitOnRoll", "10"), ("SEN1 (name)", "ASD - Autistic Spectrum Disorder"), ("Postcode", "de2  4bb")),
        GiasFile.School("100005", "Oak Lodge School", ("TypeOfEstablishment (code)", "10"), ("TypeOfEstablishment (name)", "Other independent special school"), ("Section41Approved (name)", "Approved"),
            ("SEN1 (name)", "SEMH - Social, Emotional and Mental Health"), ("Easting", "0"), ("Northing", "0")),
        GiasFile.School("130001", "Demoshire College", ("TypeOfEstablishment (code)", "18"), ("TypeOfEstablishment (name)", "Further education"), ("UKPRN", "10001234"),
            ("PhaseOfEducation (name)", "16 plus"), ("StatutoryLowAge", "16"), ("StatutoryHighAge", "99")),

        GiasFile.School("ABC", "Not a URN"),
        GiasFile.School("100006", "Backwards Ages School", ("StatutoryLowAge", "11"), ("StatutoryHighAge", "4")),
        GiasFile.School("100007", "Bad Date School", ("OpenDate", "31-02-2020")),
        GiasFile.School("100001", "A Second Row For 100001"),
        GiasFile.School("100008", "Unknown Status School", ("EstablishmentStatus (name)", "Pending")),
    ];

    private Task<GiasImportSummary> ImportAsync(string path) => InScope(sp => sp.GetRequiredService<GiasImport>().RunAsync(path));

    private Task<Dictionary<string, Setting>> RegisterAsync() =>
        InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Settings.AsNoTracking().ToDictionaryAsync(s => s.Urn));

    [Fact]
    public async Task TheRealHeader_InWindows1252_WithAwkwardRows_ImportsTheGoodAndSaysWhyForTheRest()
    {
        var path = GiasFile.Write(Rows());

        var summary = await ImportAsync(path);

        Assert.Equal("rows read: 12, imported: 7, updated: 0, rejected: 5; unchanged: 0, academy conversions linked to their predecessor: 1", summary.Line);
        Assert.Equal("Windows-1252", summary.Encoding, ignoreCase: true);
        Assert.Equal(
            [
                (9L, "ABC", "URN 'ABC' is not a number of up to 7 digits."),
                (10L, "100006", "StatutoryLowAge 11 is above StatutoryHighAge 4."),
                (11L, "100007", "OpenDate '31-02-2020' is not a date."),
                (12L, "100001", "URN 100001 appears earlier in the file (row 2); the first is kept."),
                (13L, "100008", "Establishment status 'Pending' is not one GIAS uses."),
            ],
            summary.Rejected.Select(r => (r.Row, r.Urn, r.Reason)));
        var register = await RegisterAsync();
        Assert.Equal("St Æthelwold's, Church of England Primary School", register["100001"].Name);
        Assert.Null(register["100001"].Capacity);
        Assert.Equal((SettingStatus.Closed, new DateOnly(2024, 8, 31)), (register["100002"].Status, register["100002"].ClosedOn!.Value));
        Assert.Equal("100002", register["140002"].PredecessorUrn);
        Assert.Equal(SettingCategory.Mainstream, register["140002"].Category);
        Assert.Equal(SettingCategory.Special, register["100003"].Category);
        Assert.Equal([Sen2NeedType.SLCN, Sen2NeedType.ASD], register["100003"].CatersFor);
        var unit = register["100004"];
        Assert.Equal((SpecialistProvision.SenUnit, 12, 10, "DE2 4BB"), (unit.Specialist, unit.SenUnitCapacity!.Value, unit.SenUnitOnRoll!.Value, unit.Postcode));
        Assert.True(register["100005"].IsSection38Setting);
        Assert.Null(register["100005"].Easting);
        Assert.Equal((SettingCategory.PostSixteen, "10001234"), (register["130001"].Category, register["130001"].Ukprn));
    }

    [Fact]
    public async Task ImportingAgain_ChangesNothing_AndALaterFileUpdatesOnlyWhatChanged()
    {
        var rows = Rows();
        await ImportAsync(GiasFile.Write(rows));

        var again = await ImportAsync(GiasFile.Write(rows));
        rows[0]["EstablishmentStatus (name)"] = "Closed";
        rows[0]["CloseDate"] = "31-12-2026";
        var later = await ImportAsync(GiasFile.Write(rows));

        Assert.Equal((12, 0, 0, 7, 5, 0), (again.RowsRead, again.Imported, again.Updated, again.Unchanged, again.Rejected.Count, again.PredecessorsLinked));
        Assert.Equal((0, 1, 6), (later.Imported, later.Updated, later.Unchanged));
        var register = await RegisterAsync();
        Assert.Equal(7, register.Count);
        Assert.Equal(SettingStatus.Closed, register["100001"].Status);
        Assert.Equal("100002", register["140002"].PredecessorUrn);
    }

    [Fact]
    public async Task AFileSavedAsUtf8_KeepsItsLetters()
    {
        var path = GiasFile.Write([GiasFile.School("100011", "Ysgol Gymraeg Dewi Sant — Ffôr")], new UTF8Encoding(false));

        var summary = await ImportAsync(path);

        Assert.Equal("utf-8", summary.Encoding);
        Assert.Equal("Ysgol Gymraeg Dewi Sant — Ffôr", (await RegisterAsync())["100011"].Name);
    }

    [Fact]
    public async Task AFileThatIsNotGias_IsRefusedBeforeAnythingIsWritten()
    {
        var path = GiasFile.Write([new Dictionary<string, string> { ["URN"] = "100001", ["Name"] = "A school" }], header: ["URN", "Name"]);

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => ImportAsync(path));

        Assert.Contains("not GIAS's all establishment data file", refused.Message);
        Assert.Contains("'LA (code)'", refused.Message);
        Assert.Empty(await RegisterAsync());
    }
}

public sealed class GiasImportTests_Sqlite(PostgresServer postgres) : GiasImportTests(TestProvider.Sqlite, postgres);

public sealed class GiasImportTests_PostgreSql(PostgresServer postgres) : GiasImportTests(TestProvider.PostgreSql, postgres);
