using OpenSend.Domain.Assessments;

namespace OpenSend.Domain.Plans;

/// <summary>One issued version of a plan in the national JSON format (docs/ehc-plan-json.md).</summary>
public sealed record PlanVersionDocument(
    string Format,
    string LaCode,
    string CaseReference,
    int Number,
    string Label,
    PlanStatus Status,
    bool Amendment,
    DateOnly IssuedOn,
    string? Reason,
    PlanContent Content,
    IReadOnlyList<PlanDefect> Warnings)
{
    public const string FormatName = "opensend-ehc-plan/1";

    public static PlanVersionDocument From(PlanVersion version, string laCode, string caseReference) => new(
        FormatName, laCode, caseReference, version.Number, version.Label, version.Status, version.Amendment,
        version.IssuedOn, version.Reason, version.Content, version.Warnings);

}

/// <summary>
/// What the old LA hands the new one when a child with a plan moves (Children and Families Act 2014
/// s.47; SEND Regulations 2014 reg 15): the child, a contact for the family, the date the plan was
/// last reviewed, and every issued version of the plan in the national format, oldest first, so the
/// plan's history moves with it. Photos in section A are references to the old LA's documents and
/// do not travel; their captions do.
/// </summary>
public sealed record PlanTransferDocument(
    string Format,
    string FromLaCode,
    string FromLaName,
    string CaseReference,
    Child Child,
    string? ContactName,
    string? ContactEmail,
    DateOnly? LastReviewedOn,
    IReadOnlyList<PlanVersionDocument> Versions)
{
    public const string FormatName = "opensend-ehc-plan-transfer/1";

    /// <summary>The date the plan was made: its first final version (reg 15(3)(a) keeps that date).</summary>
    public DateOnly? MadeOn => Versions?.Where(v => v.Status == PlanStatus.Final).Select(v => (DateOnly?)v.IssuedOn).Min();
}
