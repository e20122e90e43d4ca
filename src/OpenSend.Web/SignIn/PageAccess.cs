using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace OpenSend.Web.SignIn;

/// <summary>
/// Who may open each folder of pages, declared in one place, as the DfE's teaching-record-system
/// declares its own. This is the first gate only: which child's record a person may see is decided
/// by CaseAccess in the services (decision 0005). A page that no entry covers stops the app at
/// start, so a new page cannot be added without deciding who may open it.
/// </summary>
public static class PageAccess
{
    /// <summary>Open to anyone, signed in or not.</summary>
    public const string Anyone = "";

    /// <summary>Folders (ending in "/") and single pages, with the policy each needs; the longest match applies.</summary>
    public static IReadOnlyList<(string Path, string Policy)> Rules { get; } =
    [
        ("/Index", Anyone),
        ("/Error", Anyone),
        ("/SignIn/", Anyone),
        ("/SignOut", Anyone),
        ("/Account/", Anyone),
        ("/Timescales/", Anyone),
        ("/Dashboard/", Anyone),

        // A request for an assessment can be made by anyone (s.36(1)); the tracking link is its own capability.
        ("/Assessments/Request/", Anyone),
        ("/Assessments/Track", Anyone),
        ("/Assessments/Caseload", Policies.Staff),
        ("/Assessments/Cases/", Policies.Staff),
        ("/Assessments/RecordRequest", Policies.LaStaff),
        ("/Assessments/ReceiveTransfer", Policies.LaStaff),
        ("/Plans/", Policies.Staff),
        ("/Advice/", Policies.Staff),
        ("/Reviews/", Policies.Staff),
        ("/Redress/", Policies.Staff),
        ("/Redress/Board", Policies.LaStaff),
        ("/Redress/ComplaintTimes", Policies.LaManager),
        ("/Reviews/Settings", Policies.LaManager),
        ("/Reviews/EarlyReviewSettings", Policies.LaManager),

        // The register of settings is public information (GIAS); places and the suitable list are the LA's.
        ("/Placements/Settings", Anyone),
        ("/Placements/Setting", Anyone),
        ("/Placements/Case/", Policies.Staff),
        ("/Placements/Consultations", Policies.Staff),
        ("/Placements/Suitable", Policies.LaStaff),
        ("/Placements/Sufficiency", Policies.LaStaff),
        ("/Placements/Places", Policies.LaManager),
        ("/Placements/AddProvider", Policies.LaManager),
        ("/Returns/", Policies.LaStaff),

        // The local offer is published (s.30); the council's staff keep it.
        ("/Partnerships/", Policies.LaStaff),
        ("/Partnerships/LocalOffer", Anyone),
        ("/Partnerships/LocalOfferService", Anyone),
        ("/Partnerships/RuleSets", Policies.Dfe),
        ("/Audit/", Policies.LaManager),
        ("/Organisation/", Policies.Administrator),
        ("/Family/", Policies.Family),

        // Loopback-only in Development when asked for, removed otherwise (Program.cs).
        ("/Development/", Anyone),
    ];

    /// <summary>The rule for a page (its path from Pages, e.g. "/Reviews/Meeting"), or null when none covers it.</summary>
    public static (string Path, string Policy)? RuleFor(string pagePath) => Rules
        .Where(r => r.Path.EndsWith('/') ? pagePath.StartsWith(r.Path, StringComparison.Ordinal) : pagePath == r.Path)
        .OrderByDescending(r => r.Path.Length)
        .Cast<(string, string)?>()
        .FirstOrDefault();

    /// <summary>Applies the rules to the Razor Pages conventions.</summary>
    public static void Apply(PageConventionCollection conventions)
    {
        // Routes are built when the app starts: a page without a rule is found then, not on its first visit.
        conventions.AddFolderRouteModelConvention("/", model => _ = RuleFor(model.ViewEnginePath)
            ?? throw new InvalidOperationException($"The page {model.ViewEnginePath} has no access rule: add one to PageAccess.Rules."));
        conventions.AddFolderApplicationModelConvention("/", model =>
        {
            if (RuleFor(model.ViewEnginePath) is { Policy: not Anyone } rule)
            {
                model.EndpointMetadata.Add(new AuthorizeAttribute(rule.Policy));
            }
        });
    }
}
