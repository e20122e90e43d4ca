using OpenSend.Domain.Common;
using OpenSend.Domain.Partnerships;
using OpenSend.Domain.Plans;

namespace OpenSend.Domain.Tests.Partnerships;

/// <summary>Issue 24: a local offer service is checked the same way typed in or loaded, and OpenSEND's taxonomy ids never change.</summary>
public sealed class LocalOfferTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private static LocalOfferService.Details Details(int? youngest = 5, int? oldest = 11, string? email = null, params Guid[] terms) =>
        new("Saturday club", "Play for children who find busy places hard.", ServiceStatus.Active, null, email, null, null, "£5", youngest, oldest,
            [new ServiceLocation(Guid.NewGuid(), Guid.NewGuid(), LocationType.Physical, "Leisure centre", "1 High Street", "Demoshire", "dm1 3ab")], [], [],
            terms.Length == 0 ? [LocalOfferTaxonomy.Kind("leisure").Id] : terms);

    [Fact]
    public void TheTaxonomysIds_AreNameBasedUuids_ThatNeverChange()
    {
        var shortBreaks = LocalOfferTaxonomy.Kind("short-breaks").Id;

        Assert.Equal(shortBreaks, LocalOfferTaxonomy.IdFor("kind:short-breaks"));
        Assert.Equal('5', shortBreaks.ToString()[14]); // RFC 9562 version 5
        Assert.Contains(shortBreaks.ToString()[19], "89ab");
        Assert.Equal(13, LocalOfferTaxonomy.Needs.Count); // SEN2's need types
        Assert.Equal(LocalOfferTaxonomy.Terms.Count, LocalOfferTaxonomy.Terms.Select(t => t.Id).Distinct().Count());
        Assert.Equal("Autistic spectrum disorder", LocalOfferTaxonomy.Need(Sen2NeedType.ASD).Name);
    }

    [Theory]
    [InlineData(12, 5, null, "ages-out-of-order")]
    [InlineData(30, null, null, "minimum-age-invalid")]
    [InlineData(5, 11, "not an email", "email-invalid")]
    public void AServiceThatDoesNotAddUp_IsRefusedWithTheReason(int? youngest, int? oldest, string? email, string code)
    {
        var refused = Assert.Throws<StepRefusedException>(() => LocalOfferService.Create(Guid.NewGuid(), "999", Guid.NewGuid(), Details(youngest, oldest, email), Now));

        Assert.Equal(code, refused.Code);
    }

    [Fact]
    public void AServiceWithNoKind_OrAPlaceWithoutAPostcode_IsRefused()
    {
        var noKind = Assert.Throws<StepRefusedException>(() => LocalOfferService.Create(Guid.NewGuid(), "999", Guid.NewGuid(), Details() with { TermIds = [] }, Now));
        var noPostcode = Assert.Throws<StepRefusedException>(() => LocalOfferService.Create(Guid.NewGuid(), "999", Guid.NewGuid(),
            Details() with { Locations = [new ServiceLocation(Guid.NewGuid(), Guid.NewGuid(), LocationType.Physical, "Hall", null, null, null)] }, Now));

        Assert.Equal(("kind-missing", "location-postcode-missing"), (noKind.Code, noPostcode.Code));
    }

    [Fact]
    public void Changing_KeepsTheRowsOfTermsKept_AddsNewOnes_AndServesTheAgesGiven()
    {
        var leisure = LocalOfferTaxonomy.Kind("leisure").Id;
        var service = LocalOfferService.Create(Guid.NewGuid(), "999", Guid.NewGuid(), Details(terms: [leisure]), Now);
        var kept = service.Terms.Single();

        service.Update(service.ProviderId, Details(terms: [leisure, LocalOfferTaxonomy.Need(Sen2NeedType.ASD).Id]), Now.AddDays(1));

        Assert.Same(kept, service.Terms.First(t => t.TermId == leisure));
        Assert.Equal(2, service.Terms.Count);
        Assert.Equal(("DM1 3AB", 2, Now.AddDays(1)), (service.Locations.Single().Postcode, service.Version, service.LastModified));
        Assert.Equal((true, false, false), (service.Serves(5), service.Serves(4), service.Serves(12)));
        Assert.Equal("saturday club play for children who find busy places hard.", service.SearchText);
    }
}
