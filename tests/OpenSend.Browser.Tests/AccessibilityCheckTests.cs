using Xunit.Sdk;

namespace OpenSend.Browser.Tests;

/// <summary>The axe check itself must be able to fail, or every "passes axe" above proves nothing.</summary>
public sealed class AccessibilityCheckTests(EmptyDemoshire app) : IClassFixture<EmptyDemoshire>
{
    [Fact]
    public async Task AssertAccessible_OnAPageWithAnUnlabelledInputAndImage_Fails()
    {
        var page = await app.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><head><title>Broken</title></head><body><main><h1>Broken</h1><img src=\"x.png\"><input type=\"text\"></main></body></html>");

        var failure = await Assert.ThrowsAsync<TrueException>(page.AssertAccessibleAsync);

        Assert.Contains("image-alt", failure.Message);
        Assert.Contains("label", failure.Message);
    }
}
