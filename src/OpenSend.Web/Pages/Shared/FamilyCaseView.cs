using OpenSend.Domain.Assessments;

namespace OpenSend.Web.Pages.Shared;

/// <summary>What the family's view of a case shows, on the tracking page and in their account.</summary>
public sealed record FamilyCaseView(EhcCase Assessment, string CouncilName, FamilyUpdate Update);
