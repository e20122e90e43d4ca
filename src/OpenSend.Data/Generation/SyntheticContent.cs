using OpenSend.Domain.Assessments;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Returns;

namespace OpenSend.Data.Generation;

/// <summary>
/// Invented plan content and child details for the demo and the national generator: a small plan
/// that passes the quality check, and details for the SEN2 return with valid check characters but
/// no real pupil's numbers (UPNs carry LA number 999, which no LA has; ULNs start with 9).
/// </summary>
public static class SyntheticContent
{
    /// <summary>
    /// A small plan that passes the quality check: views, a primary and a second need, an outcome for
    /// each (one preparing for adulthood from year 9), and provision for both.
    /// </summary>
    public static PlanContent Plan(PlanContent content, string given, DateOnly dateOfBirth, DateOnly issuedOn, Sen2NeedType primary, Sen2NeedType? second, Func<Guid> newId)
    {
        var secondNeed = second is { } s && s != primary ? s : primary == Sen2NeedType.SLCN ? Sen2NeedType.SEMH : Sen2NeedType.SLCN;
        var (need1, need2, outcome1, outcome2) = (newId(), newId(), newId(), newId());
        // From year 9 every plan has an outcome preparing for adulthood.
        var adulthood = SchoolYear.Of(dateOfBirth, issuedOn) >= 9 ? AdulthoodOutcome.Employment : (AdulthoodOutcome?)null;
        var target = issuedOn.AddYears(1);
        return content
            .WithViews(new ViewsAndAspirations($"I am {given}. I like drawing and being outside. Busy rooms make it hard for me to listen.", "We want the support to follow them wherever they learn.", "Drawing, football, animals", "To have friends and a job I enjoy"))
            .WithNeed(new PlanNeed(need1, PlanSection.B, $"{PlanReading.NeedTypeName(primary)}: needs explicit teaching and a predictable day to take part in learning", primary, 1))
            .WithNeed(new PlanNeed(need2, PlanSection.B, $"{PlanReading.NeedTypeName(secondNeed)}: finds it hard to say what they need and to join in with others", secondNeed, 2))
            .WithOutcome(new PlanOutcome(outcome1, "Takes part in class lessons for a whole morning with the agreed support", target, [need1], adulthood))
            .WithOutcome(new PlanOutcome(outcome2, "Asks an adult for help, using words or a symbol card, when stuck", target, [need2]))
            .WithProvision(new PlanProvision(newId(), PlanSection.F, "Small-group structured teaching with visual timetable", "Class teacher with a trained teaching assistant", "Daily", "45 minutes, for 12 months", "1:4", null, Funder.Education, [need1], [outcome1]))
            .WithProvision(new PlanProvision(newId(), PlanSection.F, "Speech and language therapy programme", "Speech and language therapist", "2 sessions a week", "30 minutes, for 12 months", "1:1", "HCPC-registered", Funder.Education, [need2], [outcome2]));
    }

    /// <summary>
    /// Details for the SEN2 return: a postcode in the invented DM area, and a UPN for a child of school
    /// age, a ULN from 16, or "UN3" (not yet at school) under 4.
    /// </summary>
    public static ChildDetails ChildDetails(int index, Sex sex, string ethnicity, DateOnly dateOfBirth, DateOnly today)
    {
        var age = CompulsorySchoolAge.AgeOn(dateOfBirth, today);
        var postcode = $"DM{1 + (index % 6)} {1 + (index % 9)}{(char)('A' + (index % 20))}{(char)('B' + (index % 19))}";
        return age switch
        {
            < 4 => new ChildDetails(sex, ethnicity, postcode, null, null, "UN3"),
            >= 16 => new ChildDetails(sex, ethnicity, postcode, null, Uln(index), null),
            _ => new ChildDetails(sex, ethnicity, postcode, Upn(index), null, null),
        };
    }

    /// <summary>An invented UPN for LA 999 with its check letter (not a real pupil's: 999 is no real LA).</summary>
    public static string Upn(int index)
    {
        var body = $"999{((long)index * 7919 % 100_000_000):D8}{index % 10}";
        const string letters = "ABCDEFGHJKLMNPQRTUVWXYZ";
        var sum = 0;
        for (var position = 2; position <= 13; position++)
        {
            sum += (body[position - 2] - '0') * position;
        }

        return letters[sum % 23] + body;
    }

    /// <summary>An invented ULN with a valid check digit.</summary>
    public static string Uln(int index)
    {
        for (var n = 0; ; n++)
        {
            var body = $"9{((long)index * 104_729 + n) % 100_000_000:D8}";
            var sum = 0;
            for (var i = 0; i < 9; i++)
            {
                sum += (body[i] - '0') * (10 - i);
            }

            var check = 10 - (sum % 11);
            if (check < 10)
            {
                return body + check;
            }
        }
    }
}
