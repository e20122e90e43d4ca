using OpenSend.Domain.Timescales;

namespace OpenSend.Web.Assessments;

/// <summary>How a deadline's state shows as a GOV.UK tag: red when overdue or missed, yellow when due within 7 days.</summary>
public sealed record DeadlineTag(string Text, string CssClass)
{
    public static DeadlineTag For(DeadlineState state, int daysFromToday, bool exceptionRecorded) => state switch
    {
        DeadlineState.Overdue when exceptionRecorded => new($"Overdue by {Days(-daysFromToday)}: exception recorded", "govuk-tag govuk-tag--orange"),
        DeadlineState.Overdue => new($"Overdue by {Days(-daysFromToday)}", "govuk-tag govuk-tag--red"),
        DeadlineState.DueSoon => new(daysFromToday == 0 ? "Due today" : $"Due in {Days(daysFromToday)}", "govuk-tag govuk-tag--yellow"),
        DeadlineState.NotYetDue => new($"{Days(daysFromToday)} left", "govuk-tag govuk-tag--blue"),
        DeadlineState.Met => new("Met", "govuk-tag govuk-tag--green"),
        DeadlineState.Missed when exceptionRecorded => new("Missed: exception recorded", "govuk-tag govuk-tag--orange"),
        DeadlineState.Missed => new("Missed", "govuk-tag govuk-tag--red"),
        _ => new("Not needed", "govuk-tag govuk-tag--grey"),
    };

    public static DeadlineTag For(DeadlineProgress progress) => For(progress.State, progress.DaysFromToday, progress.ExceptionRecorded);

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";
}
