// Each test class starts its own app, seeds its own Demoshire and drives its own Chromium. Run side
// by side on CI's two cores, next to the other test projects, they starved one another until a page
// took longer than Playwright's 30 seconds; one class at a time keeps every page quick.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
