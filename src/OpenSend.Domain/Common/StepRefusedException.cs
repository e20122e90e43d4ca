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
}
