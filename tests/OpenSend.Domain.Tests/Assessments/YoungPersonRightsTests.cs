using OpenSend.Domain.Assessments;

namespace OpenSend.Domain.Tests.Assessments;

/// <summary>
/// Issue 22: the decisions pass to the young person the day after the last Friday in June of the
/// school year in which they turn 16 (Children and Families Act 2014 s.83(2); Education Act 1996 s.8).
/// </summary>
public class YoungPersonRightsTests
{
    [Theory]
    // Turning 16 in the spring: the last Friday in June 2026 is the 26th.
    [InlineData("2010-03-14", "2026-06-27")]
    // Turning 16 in July or August, after that Friday: the school year still ends then.
    [InlineData("2010-08-31", "2026-06-27")]
    // Turning 16 on 1 September: the next school year, whose last Friday in June is 25 June 2027.
    [InlineData("2010-09-01", "2027-06-26")]
    // Turning 16 on Christmas Day 2024: the school year ends in June 2025 (the 27th).
    [InlineData("2008-12-25", "2025-06-28")]
    public void TheDecisionsPass_TheDayAfterTheSchoolLeavingDate(string born, string from)
    {
        Assert.Equal(DateOnly.Parse(from), YoungPersonRights.From(DateOnly.Parse(born)));
    }
}
