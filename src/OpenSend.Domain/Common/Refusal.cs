namespace OpenSend.Domain.Common;

/// <summary>
/// The one way a rule refuses a step (convention 1 in ../shared/spec/code-style.md): a stable code and
/// words a caseworker or family can act on. Aggregates call it through <c>using static</c>.
/// </summary>
public static class Refusal
{
    public static void Require(bool condition, string code, string reason)
    {
        if (!condition)
        {
            throw new StepRefusedException(code, reason);
        }
    }
}
