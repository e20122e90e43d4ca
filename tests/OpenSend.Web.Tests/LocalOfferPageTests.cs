using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Database;
using OpenSend.Data.Demo;
using OpenSend.Domain.Partnerships;

namespace OpenSend.Web.Tests;

/// <summary>
/// Issue 24: anyone searches an area's local offer by words, kind, need and a child's age; the council's
/// staff add and change their own services, with the GOV.UK error summary for what is missing, and
/// cannot touch another council's.
/// </summary>
public abstract class LocalOfferPageTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime
    where TApp : AppFixture
{
    public async ValueTask InitializeAsync() => await app.WithServices(async sp =>
    {
        await DemoLocalOffer.SeedAsync(sp.GetRequiredService<OpenSendDbContext>(), "999", AppFixture.Start);
        return 0;
    });

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task AFamilyFindsShortBreaksForTheirEightYearOld_AndReadsOneService()
    {
        var client = app.Client();

        var chooser = await client.GetPageAsync("/local-offer");
        var found = await client.GetPageAsync("/local-offer?La=999&Kind=short-breaks&Age=8");
        var forAutism = await client.GetPageAsync("/local-offer?La=999&Kind=short-breaks&Need=ASD&Age=8");
        var badAge = await client.GetPageAsync("/local-offer?La=999&Age=eight");

        Assert.Contains(chooser.QuerySelectorAll("#La option"), o => o.TextContent == "Demoshire");
        Assert.Equal("4 services", found.QuerySelector("#results-heading")!.TextContent);
        Assert.Equal(["Family link short breaks", "Holiday activity scheme for disabled children", "Overnight short breaks at Willow House", "Saturday Sensory Club"],
            found.QuerySelectorAll("#services h3").Select(h => h.TextContent.Trim()));
        Assert.Equal(["Family link short breaks", "Holiday activity scheme for disabled children", "Saturday Sensory Club"], forAutism.QuerySelectorAll("#services h3").Select(h => h.TextContent.Trim()));
        Assert.Equal("#Age", Assert.Single(badAge.ErrorSummary()).Href);

        var service = await client.GetPageAsync(found.QuerySelector("#services a[href*='/local-offer/services/']")!.GetAttribute("href")!);
        var details = service.QuerySelector("#service-details")!.TextContent;
        Assert.Contains("Children assessed by the children with disabilities team", details);
        Assert.Contains("Short breaks and respite", details);
    }

    [Fact]
    public async Task TheCouncilAddsAService_WithErrorsSaidFirst_AndItIsPublishedAtOnce()
    {
        var caseworker = app.Client();
        await app.SignInAsync(caseworker);

        var form = await caseworker.GetPageAsync("/local-offer/manage/services/new");
        var empty = await Html.ParseAsync(await caseworker.SubmitAsync(form));
        var saved = await Html.ParseAsync(await caseworker.SubmitAsync(form,
            ("Provider", "new"), ("NewProviderName", "Demoshire Riding for the Disabled"), ("ServiceName", "Riding for disabled children"),
            ("Description", "Weekly riding lessons with volunteers, for children who find other sport hard."), ("Status", "Active"),
            ("Kinds", "leisure"), ("Needs", "PD"), ("YoungestAge", "6"), ("OldestAge", "16"), ("Place", "Hill Farm Stables"), ("Address", "Hill Lane"),
            ("Town", "Demoshire"), ("Postcode", "dm5 1rd"), ("When", "Tuesdays after school"), ("Cost", "£8 a ride")));

        Assert.Equal(new[] { "#Description", "#Kinds", "#Provider", "#ServiceName" }, empty.ErrorSummary().Select(e => e.Href).Order(StringComparer.Ordinal));
        Assert.Equal("/local-offer/manage", saved.Location.PathName);
        Assert.Contains("Riding for disabled children is saved and published in the local offer", saved.MainText());
        var published = await app.Client().GetPageAsync("/local-offer?La=999&Words=riding&Age=10");
        Assert.Equal(["Riding for disabled children"], published.QuerySelectorAll("#services h3").Select(h => h.TextContent.Trim()));
        var stored = await app.WithServices(sp => sp.GetRequiredService<OpenSendDbContext>().LocalOfferServices.AsNoTracking().SingleAsync(s => s.Name == "Riding for disabled children"));
        Assert.Equal(("DM5 1RD", 2), (stored.Locations.Single().Postcode, stored.Terms.Count));
        Assert.True(await app.WithServices(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.AnyAsync(a => a.Action == "local-offer.service-added" && a.LaCode == "999")));
    }

    [Fact]
    public async Task AnotherCouncilsStaff_CannotChangeAService_AndTheSameDetailsCheckedTwice()
    {
        var northshire = app.Client();
        await app.SignInAsync(northshire, AppFixture.NorthshireCaseworker);
        var demoshire = app.Client();
        await app.SignInAsync(demoshire);
        var id = LocalOfferTaxonomy.IdFor("demo:service:Travel training");

        var elsewhere = await northshire.GetAsync($"/local-offer/manage/services/{id}");
        var form = await demoshire.GetPageAsync($"/local-offer/manage/services/{id}");
        var outOfOrder = await Html.ParseAsync(await demoshire.SubmitAsync(form, Filled(form, ("YoungestAge", "20"), ("OldestAge", "11"))));
        var unchanged = await Html.ParseAsync(await demoshire.SubmitAsync(form, Filled(form)));

        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal("Travel training", form.QuerySelector("#ServiceName")!.GetAttribute("value"));
        Assert.Equal(("The oldest age must be the same as or older than the youngest", "#OldestAge"), Assert.Single(outOfOrder.ErrorSummary()));
        Assert.Equal("Travel training is saved and published in the local offer", unchanged.QuerySelector(".govuk-notification-banner__heading")!.TextContent);
    }

    /// <summary>What the form holds as shown (text, choices made), posted back as a browser would, with <paramref name="changes"/> made to it.</summary>
    private static List<KeyValuePair<string, string>> Filled(AngleSharp.Html.Dom.IHtmlDocument page, params (string Name, string Value)[] changes) =>
    [
        .. new[]
        {
            page.QuerySelectorAll("main form input:not([type=hidden]):not([type=radio]):not([type=checkbox]), main form input[type=radio][checked], main form input[type=checkbox][checked]")
                .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? string.Empty)),
            page.QuerySelectorAll("main form textarea").Select(t => new KeyValuePair<string, string>(t.GetAttribute("name")!, t.TextContent)),
            page.QuerySelectorAll("main form select").Select(s => new KeyValuePair<string, string>(s.GetAttribute("name")!, s.QuerySelector("option[selected]")?.GetAttribute("value") ?? string.Empty)),
        }.SelectMany(f => f).Where(f => changes.All(c => c.Name != f.Key)),
        .. changes.Select(c => new KeyValuePair<string, string>(c.Name, c.Value)),
    ];
}

public sealed class LocalOfferPageTests_Sqlite(SqliteApp app) : LocalOfferPageTests<SqliteApp>(app);

public sealed class LocalOfferPageTests_PostgreSql(PostgreSqlApp app) : LocalOfferPageTests<PostgreSqlApp>(app);
