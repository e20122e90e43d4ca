namespace OpenSend.Domain.Timescales;

public enum DeadlineState
{
    /// <summary>Open, more than 7 days left.</summary>
    NotYetDue,

    /// <summary>Open, due within the next 7 days (today included).</summary>
    DueSoon,

    /// <summary>Open and past its date.</summary>
    Overdue,

    /// <summary>Done on or before the date.</summary>
    Met,

    /// <summary>Done after the date.</summary>
    Missed,

    /// <summary>Will never be needed on this case (another outcome, withdrawal, transfer).</summary>
    NotNeeded,
}

/// <summary>
/// Where one statutory deadline stands on a given day. A recorded exception never moves the
/// due date; it marks a breach as excused (the DfE reports timeliness with and without them).
/// </summary>
public sealed record DeadlineProgress(
    StatutoryDeadline Deadline,
    DeadlineState State,
    DateOnly? CompletedOn,
    int DaysFromToday,
    string? ExceptionBasis,
    string? NotNeededBecause = null)
{
    /// <summary>The record a deadline belongs to when a case has several of a kind (an advice request).</summary>
    public Guid? RelatesTo { get; init; }

    /// <summary>Days within which a deadline is flagged as coming up.</summary>
    public const int DueSoonDays = 7;

    public bool IsOpen => State is DeadlineState.NotYetDue or DeadlineState.DueSoon or DeadlineState.Overdue;

    public bool ExceptionRecorded => ExceptionBasis is not null;

    /// <summary>Days left (positive) while open and not overdue.</summary>
    public int DaysLeft => Math.Max(0, DaysFromToday);

    public int DaysOverdue => Math.Max(0, -DaysFromToday);

    public static DeadlineProgress Evaluate(StatutoryDeadline deadline, DateOnly? completedOn, DateOnly today, string? exceptionBasis = null)
    {
        var daysFromToday = deadline.Due.DayNumber - today.DayNumber;
        if (completedOn is { } done)
        {
            var state = done <= deadline.Due ? DeadlineState.Met : DeadlineState.Missed;
            return new DeadlineProgress(deadline, state, done, daysFromToday, state == DeadlineState.Missed ? exceptionBasis : null);
        }

        var open = daysFromToday switch
        {
            < 0 => DeadlineState.Overdue,
            <= DueSoonDays => DeadlineState.DueSoon,
            _ => DeadlineState.NotYetDue,
        };
        return new DeadlineProgress(deadline, open, null, daysFromToday, exceptionBasis);
    }

    public static DeadlineProgress NotNeeded(StatutoryDeadline deadline, DateOnly today, string because) =>
        new(deadline, DeadlineState.NotNeeded, null, deadline.Due.DayNumber - today.DayNumber, null, because);
}
