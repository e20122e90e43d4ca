using OpenSend.Domain.Common;

namespace OpenSend.Data.Access;

/// <summary>
/// The time-bound part of case access (<see cref="CaseAccess"/>): an adviser's or a consulted
/// setting's access ends when their part does, after <see cref="AfterPartEnds"/> (OpenSend:Access:DaysAfterPartEnds,
/// 28 by default) to answer questions about what they sent; LA staff ending a link ends it at once.
/// </summary>
public sealed record CaseAccessPolicy(TimeProvider Time, TimeSpan AfterPartEnds)
{
    public static readonly TimeSpan DefaultAfterPartEnds = TimeSpan.FromDays(28);

    public static CaseAccessPolicy Default { get; } = new(TimeProvider.System, DefaultAfterPartEnds);

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Advice received on or after this day still gives its adviser access.</summary>
    public DateOnly AdviceReceivedSince => UkCalendar.DateOf(Now - AfterPartEnds);

    /// <summary>When access given by a part that ends now comes to an end.</summary>
    public DateTimeOffset AccessEndsFromNow => Now + AfterPartEnds;
}
