using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Tests;

/// <summary>Who may open each folder of pages is declared in one place (PageAccess), and every page is covered.</summary>
public sealed class PageAccessTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void EveryPage_HasARule_AndAPageOutsideEveryRuleHasNone()
    {
        var pages = app.App.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>().Select(p => p.ViewEnginePath).Distinct().ToList();

        Assert.Contains("/Reviews/Meeting", pages);
        Assert.All(pages, page => Assert.NotNull(PageAccess.RuleFor(page)));
        Assert.Null(PageAccess.RuleFor("/Unknown/Index"));
        Assert.Null(PageAccess.RuleFor("/Placements/SettingsOfAnotherKind"));
    }

    [Theory]
    [InlineData("/Reviews/Settings", Policies.LaManager)]
    [InlineData("/Reviews/Meeting", Policies.Staff)]
    [InlineData("/Redress/Mediation", Policies.Staff)]
    [InlineData("/Family/Redress", Policies.Family)]
    [InlineData("/Advice/Send", Policies.Staff)]
    [InlineData("/Returns/Sen2", Policies.LaStaff)]
    [InlineData("/Placements/Setting", PageAccess.Anyone)]
    [InlineData("/Placements/Places", Policies.LaManager)]
    public void TheLongestMatchingRule_Applies(string page, string policy) => Assert.Equal(policy, PageAccess.RuleFor(page)?.Policy);

    [Fact]
    public async Task FoldersCheckedOnlyInsideTheirPagesBefore_NowCarryTheirPolicyOnTheEndpoint()
    {
        var endpoints = app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        string? PolicyOf(string route) => endpoints.Single(e => e.RoutePattern.RawText!.TrimStart('/') == route).Metadata.GetOrderedMetadata<IAuthorizeData>().LastOrDefault()?.Policy;

        Assert.Equal(Policies.Staff, PolicyOf("reviews/{id:guid}/meeting"));
        Assert.Equal(Policies.Staff, PolicyOf("advice/{requestId:guid}/send"));
        Assert.Equal(Policies.LaStaff, PolicyOf("returns/sen2"));
        Assert.Null(PolicyOf("dashboard"));

        // A family signed in is turned away by the folder's policy before any page code runs.
        var client = app.Client();
        await app.SignInAsFamilyAsync(client, "page.access.parent@example.com");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/reviews/{Guid.NewGuid()}/meeting")).StatusCode);
    }
}
