namespace OpenSend.Domain.Timescales;

/// <summary>What a family must do about mediation before appealing to the First-tier Tribunal.</summary>
public enum MediationBeforeAppeal
{
    /// <summary>
    /// Current law (Children and Families Act 2014 s.55, regs 33–34): get mediation information and a
    /// certificate before appealing, except about the school or institution named (section I) alone;
    /// going to mediation itself is the family's choice.
    /// </summary>
    InformationAndCertificate,

    /// <summary>Green paper 2022 chapter 4: mediation itself is mandatory before any appeal is registered.</summary>
    Mandatory,
}

/// <summary>The workflow rules of a rule set that are not time limits.</summary>
/// <param name="PanelRecommendationRequired">
/// Green paper 2022 chapter 2: a multi-agency panel reviews decisions on requests and on issuing a plan,
/// and the LA must take its views into account, so its recommendation must be recorded first.
/// </param>
public sealed record PathwayPolicy(
    bool PanelRecommendationRequired,
    MediationBeforeAppeal Mediation,
    string AppealBasis);
