namespace OpenSend.Domain.Returns;

/// <summary>An error blocks the return; a query is sent with it and explained to the DfE.</summary>
public enum Sen2Severity
{
    Error,
    Query,
}

/// <summary>One finding about one child, worded for the caseworker who will fix it.</summary>
public sealed record Sen2Finding(Sen2Severity Severity, string Code, Sen2Person Subject, string Message)
{
    /// <summary>The child as the report names them: "Ava Smith (born 2015-03-02)".</summary>
    public string Person => $"{Subject.Forename} {Subject.Surname} (born {Subject.DateOfBirth:yyyy-MM-dd})";
}

/// <summary>
/// Checks a return before it leaves the LA, as the DfE's collection would: errors (the file would
/// be rejected, or the figures wrong) block the export; queries warn.
/// </summary>
public static class Sen2Validation
{
    /// <summary>
    /// How the return fills the items OpenSEND learns of only if they are recorded (decision 0020),
    /// said with every check so a council that kept them elsewhere records them before submitting.
    /// </summary>
    public static IReadOnlyList<string> FilledFromRedress { get; } =
    [
        "Mediation (RequestMediation, AssessmentMediation, OtherMediation): 'yes' where a mediation recorded in OpenSEND was held by census day about the refusal to assess, the assessment's outcome, or anything since.",
        "Tribunal appeals (RequestTribunal, AssessmentTribunal, OtherTribunal): 'yes' where an appeal recorded in OpenSEND was registered by census day about the same.",
        "Mediations and appeals kept only in other records are reported as 'no': record them on each case's 'Mediation and appeals' page first.",
    ];

    public static IReadOnlyList<Sen2Finding> Check(Sen2Return sen2)
    {
        var findings = new List<Sen2Finding>();
        var census = sen2.Header.ReferenceDate;
        foreach (var person in sen2.Persons)
        {
            void Error(string code, string message) => findings.Add(new Sen2Finding(Sen2Severity.Error, code, person, message));
            void Query(string code, string message) => findings.Add(new Sen2Finding(Sen2Severity.Query, code, person, message));

            if (string.IsNullOrWhiteSpace(person.Surname) || string.IsNullOrWhiteSpace(person.Forename))
            {
                Error("name-missing", "The child's surname and forename are needed.");
            }

            if (person.DateOfBirth > census)
            {
                Error("birth-after-census", "The date of birth is after the census date.");
            }
            else if (Assessments.CompulsorySchoolAge.AgeOn(person.DateOfBirth, census) > 25)
            {
                Query("over-25", "The young person is over 25 on census day: plans end at 25.");
            }

            if (person.Sex is null or Sex.Unknown)
            {
                Query("sex-unknown", "Sex is not recorded.");
            }

            if (person.Ethnicity is null)
            {
                Query("ethnicity-missing", "Ethnicity is not recorded.");
            }

            if (person.Upn is null && person.Uln is null && person.UpnUnknownReason is null)
            {
                Query("upn-missing", "Neither a UPN nor a ULN is recorded, nor why.");
            }

            foreach (var request in person.Requests)
            {
                if (request.OutcomeDate is { } decided && decided < request.ReceivedDate)
                {
                    Error("dates-out-of-order", $"The request's outcome ({decided:yyyy-MM-dd}) is before it was received ({request.ReceivedDate:yyyy-MM-dd}).");
                }

                if (request.Assessment is not { } assessment)
                {
                    continue;
                }

                if (assessment.OutcomeDate is { } outcome && outcome < (request.OutcomeDate ?? request.ReceivedDate))
                {
                    Error("dates-out-of-order", $"The assessment's outcome ({outcome:yyyy-MM-dd}) is before the decision to assess.");
                }

                if (assessment.Plan is not { } plan)
                {
                    continue;
                }

                if (plan.StartDate < request.ReceivedDate)
                {
                    Error("dates-out-of-order", $"The plan starts ({plan.StartDate:yyyy-MM-dd}) before the request was received ({request.ReceivedDate:yyyy-MM-dd}).");
                }

                if (!assessment.Week20Exception && plan.StartDate > request.ReceivedDate.AddDays(7 * 20) && plan.Active is not null && plan.Active.TransferredFromLa is null)
                {
                    Query("over-20-weeks", $"The plan was issued {(plan.StartDate.DayNumber - request.ReceivedDate.DayNumber) / 7} weeks after the request, with no exception recorded.");
                }

                if (plan.CeaseDate is { } ceased)
                {
                    if (plan.CeaseReason is null)
                    {
                        Error("cease-reason-missing", "The plan ceased but no cease reason is recorded.");
                    }

                    if (ceased < plan.StartDate)
                    {
                        Error("dates-out-of-order", $"The plan ceased ({ceased:yyyy-MM-dd}) before it started ({plan.StartDate:yyyy-MM-dd}).");
                    }
                }
                else if (plan.CeaseReason is not null)
                {
                    Error("cease-reason-without-date", "A cease reason is recorded for a plan that has not ceased.");
                }

                if (plan.Active is not null && !plan.Needs.Any(n => n.Rank == 1))
                {
                    Error("primary-need-missing", "The plan has no special educational need ranked 1 in section B.");
                }

                if (plan.Needs.GroupBy(n => n.Rank).Any(g => g.Count() > 1))
                {
                    Error("need-rank-repeated", "Two needs have the same rank.");
                }

                foreach (var setting in plan.PlanSettings.Concat(plan.Placements))
                {
                    if (setting.Urn is null && setting.Ukprn is null && setting.Category is null)
                    {
                        Error("setting-missing", "A setting is named without a URN, a UKPRN or a setting category.");
                    }
                }

                if (plan.Active is not null && plan.PlanSettings.Count == 0)
                {
                    Query("no-setting-named", "The plan in force names no setting in section I.");
                }

                if (plan.Active is { } active && plan.StartDate.AddYears(1) < census && (active.ReviewMeeting is null || active.ReviewMeeting.Value.AddYears(1) < census))
                {
                    Query("review-overdue", "The plan has not been reviewed in the 12 months before census day (s.44(1)).");
                }
            }
        }

        return findings;
    }
}
