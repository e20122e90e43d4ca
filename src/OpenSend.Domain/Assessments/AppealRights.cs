using OpenSend.Domain.Common;
using OpenSend.Domain.Timescales;

namespace OpenSend.Domain.Assessments;

/// <summary>The LA decisions a family can take to the First-tier Tribunal (SEND) at this stage.</summary>
public enum AppealableDecision
{
    /// <summary>Refusal to assess (s.51(2)(a)); notified under reg 5(3).</summary>
    NotToAssess,

    /// <summary>Refusal to issue a plan after assessment (s.51(2)(b)); notified under reg 10(3).</summary>
    NotToIssue,

    /// <summary>The contents of the final plan, sections B, F and I (s.51(2)(c)); notified under reg 14.</summary>
    FinalPlanContents,

    /// <summary>After a review, not to amend the plan (s.51(2)(e)); notified under reg 20(10).</summary>
    NotToAmend,

    /// <summary>The contents of an amended plan, sections B, F and I (s.51(2)(c)); notified under reg 22(3).</summary>
    AmendedPlanContents,

    /// <summary>Having proposed amendments, not to amend after all (s.51(2)(e)); notified under reg 22(4).</summary>
    NotToAmendAfterNotice,

    /// <summary>Refusal to re-assess the child's needs (s.51(2)(d)); notified under reg 24.</summary>
    NotToReassess,

    /// <summary>To cease to maintain the plan (s.51(2)(f)); the plan stays in force while an appeal is possible (s.45, regs 29–31).</summary>
    ToCease,
}

/// <summary>
/// What a decision letter must tell the family about appeal, mediation, disagreement resolution
/// and advice (regs 5(3), 10(3), 14; s.55; reg 32), worded for the rule set the case runs under.
/// </summary>
public sealed record AppealRights(AppealableDecision Decision, DateOnly AppealBy, IReadOnlyList<string> Points, string Basis)
{
    public static AppealRights For(AppealableDecision decision, DateOnly decidedOn, StatutoryRuleSet rules)
    {
        var appealBy = rules.AppealBy(decidedOn);
        var points = new List<string>
        {
            $"You can appeal to the First-tier Tribunal (Special Educational Needs and Disability) until {UkCalendar.InWords(appealBy)}, or within 1 month of getting a mediation certificate if that is later.",
        };

        // A letter states the law in force for the family (s.55: mediation information and a
        // certificate, mediation itself optional), whatever proposals a local area models; the green
        // paper's mandatory mediation is offered as what the council does, never as a condition of appeal.
        points.Add(decision is AppealableDecision.FinalPlanContents or AppealableDecision.AmendedPlanContents
            ? "Before appealing about the needs or provision in the plan you must contact the mediation service for information and get a certificate; going to mediation is your choice. You do not need a certificate to appeal only about the school or college named."
            : "Before you appeal you must contact the mediation service for information about mediation and get a certificate; going to mediation is your choice.");
        if (rules.Policy.Mediation == MediationBeforeAppeal.Mandatory)
        {
            points.Add("This council is trying out the 2022 green paper's proposals: it will offer you mediation with the person who made the decision attending. The law does not require you to take part before you appeal.");
        }
        if (decision == AppealableDecision.ToCease)
        {
            points.Add("The plan stays in force, and the council keeps providing what it says, until the time to appeal has passed or any appeal is decided.");
        }

        points.Add("You can ask the council's disagreement resolution service to help at any time.");
        points.Add("Your local SEND information, advice and support service (SENDIASS) gives free, impartial advice.");

        var regulation = decision switch
        {
            AppealableDecision.NotToAssess => "SEND Regulations 2014 reg 5(3)",
            AppealableDecision.NotToIssue => "SEND Regulations 2014 reg 10(3)",
            AppealableDecision.NotToReassess => "SEND Regulations 2014 reg 24",
            AppealableDecision.NotToAmend => "SEND Regulations 2014 reg 20(10)",
            AppealableDecision.AmendedPlanContents => "SEND Regulations 2014 reg 22(3)",
            AppealableDecision.NotToAmendAfterNotice => "SEND Regulations 2014 reg 22(4)",
            AppealableDecision.ToCease => "Children and Families Act 2014 s.45; SEND Regulations 2014 regs 29–31",
            _ => "SEND Regulations 2014 reg 14",
        };
        return new AppealRights(decision, appealBy, points, $"{regulation}; {RuleSetCatalogue.SendRegulations2014.Policy.AppealBasis}");
    }
}
