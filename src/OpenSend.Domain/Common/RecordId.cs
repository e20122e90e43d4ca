namespace OpenSend.Domain.Common;

/// <summary>
/// New record identifiers: UUID version 7 (RFC 9562), which begin with the time they were made, so
/// each new row's key goes at the end of its table's primary-key index instead of at a random
/// place in it. At national scale a random key (version 4) touches a different index page for
/// every row: the bulk load of England spent most of its time writing and re-logging those pages
/// (docs/benchmarks.md, benchmark 5). The time in the key is only for its order, never read as a
/// fact (the record's own dates are), so it comes from the clock, not the injected time; the other
/// 74 bits are random, so keys are no easier to guess. Access never rests on a key being secret.
/// </summary>
public static class RecordId
{
    public static Guid New() => Guid.CreateVersion7();
}
