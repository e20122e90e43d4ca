namespace OpenSend.Domain.Common;

/// <summary>
/// A step the law or the workflow does not allow. Always carries a reason a caseworker or
/// family can read and act on; pages show it in the GOV.UK error summary and the API as
/// RFC 9457 problem details (convention 1 in ../shared/spec/code-style.md).
/// </summary>
public sealed class StepRefusedException(string code, string reason) : Exception(reason)
{
    /// <summary>A stable, machine-readable key (e.g. "representation-window-open").</summary>
    public string Code { get; } = code;

    /// <summary>
    /// Refused because someone else changed the record since the person read it (a lost update
    /// avoided): the API answers 409 Conflict rather than 422, so a client knows to read again.
    /// </summary>
    public bool ChangedMeanwhile { get; private init; }

    public static StepRefusedException Changed(string code, string reason) => new(code, reason) { ChangedMeanwhile = true };

    /// <summary>
    /// The one refusal for a lost update on <paramref name="record"/> ("case", "plan", "review",
    /// "advice", "placement", "places"): code "{record}-changed", and the same words everywhere.
    /// </summary>
    public static StepRefusedException ChangedBySomeoneElse(string record) => Changed($"{record}-changed",
        $"Someone else changed {(record == "places" ? "these places" : record == "placement" ? "this child's placement" : $"this {record}")} at the same time, so your change was not saved. Check it and try again.");
}
