using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;
using OpenSend.Domain.Partnerships;
using OpenSend.Domain.Plans;

namespace OpenSend.Data.Demo;

/// <summary>
/// Demoshire's local offer: thirty invented services across the kinds of service, needs and ages a
/// local offer covers, from invented providers. Ids come from the names, so seeding again changes nothing.
/// </summary>
public static class DemoLocalOffer
{
    private const string Council = "Demoshire County Council";
    private const string Play = "Shire Play Trust";
    private const string Health = "Demoshire Community Health NHS Trust";
    private const string MentalHealth = "Demoshire Mental Health NHS Trust";
    private const string College = "Demoshire College";
    private const string Sports = "Demoshire Sports Trust";

    private static readonly (string Name, string Description, string Email)[] Providers =
    [
        (Council, "The council's services for children and young people with special educational needs and disabilities.", "send@demoshire.example"),
        (Play, "A charity running play, leisure and short breaks for disabled children in Demoshire.", "hello@shireplay.example"),
        (Health, "Community health services for children: therapies, paediatrics and nursing.", "children@demoshirehealth.example"),
        (MentalHealth, "Mental health services for children and young people.", "camhs@demoshiremh.example"),
        (College, "The further education college for Demoshire.", "learning-support@demoshirecollege.example"),
        (Sports, "Inclusive sport across the county.", "inclusive@demoshiresport.example"),
        ("Demoshire SEND Information, Advice and Support Service", "Free, impartial and confidential advice for families, children and young people about SEND.", "sendiass@demoshire.example"),
        ("Demoshire Parent Carer Forum", "Parents and carers of disabled children working with the council and health services.", "forum@demoshirepcf.example"),
        ("Young Carers Demoshire", "Support for young carers and siblings of disabled children.", "team@youngcarersdemoshire.example"),
        ("Shire Independent Living", "Helps families and young people manage personal budgets and direct payments.", "support@shireindependent.example"),
        ("Demoshire Dyslexia Association", "A families' group for children with dyslexia.", "info@demoshiredyslexia.example"),
        ("Demoshire Down Syndrome Group", "A families' group for children and young people with Down syndrome.", "hello@demoshireds.example"),
    ];

    private static readonly (string Name, string Provider, string Description, string[] Kinds, Sen2NeedType[] Needs, int? Youngest, int? Oldest, string? Place, string? Postcode, string? Cost, string? When, string? Eligibility)[] Services =
    [
        ("Saturday Sensory Club", Play, "Sensory play, music and messy play for children who find busy places hard, with staff trained in autism.", ["short-breaks", "leisure"], [Sen2NeedType.ASD, Sen2NeedType.SLD, Sen2NeedType.PMLD], 5, 11, "Demoshire Leisure Centre", "DM1 3AB", "£5 a session", "Saturdays 10am to 1pm in term time", null),
        ("Overnight short breaks at Willow House", Council, "Overnight stays in a small residential home, giving children time with friends and their families a break.", ["short-breaks", "social-care"], [Sen2NeedType.PMLD, Sen2NeedType.SLD, Sen2NeedType.PD], 8, 18, "Willow House", "DM2 4CD", "Free", "Up to 2 nights a month, planned with the family", "Children assessed by the children with disabilities team"),
        ("Holiday activity scheme for disabled children", Play, "Days out, sport and crafts in the school holidays with one-to-one support where it is needed.", ["short-breaks", "leisure"], [Sen2NeedType.ASD, Sen2NeedType.SEMH, Sen2NeedType.PD, Sen2NeedType.OTH], 5, 17, "Riverside Community Hall", "DM1 5EF", "£10 a day", "Weekdays in the Easter and summer holidays, 9am to 3pm", null),
        ("Family link short breaks", Council, "Regular short stays with a trained family, matched to the child.", ["short-breaks"], [Sen2NeedType.ASD, Sen2NeedType.SLD, Sen2NeedType.DS], 5, 17, null, null, "Free", null, "Children assessed by the children with disabilities team"),
        ("SEND information, advice and support", "Demoshire SEND Information, Advice and Support Service", "Impartial advice about SEN support, EHC needs assessments, plans, mediation and appeals, by phone, email or in person.", ["advice"], [], 0, 25, "Demoshire Library", "DM1 1AA", "Free", "Monday to Friday, 9am to 5pm", null),
        ("Parent carer forum coffee mornings", "Demoshire Parent Carer Forum", "Meet other parents and carers, and tell the council and the NHS what works and what does not.", ["advice"], [], 0, 25, "Riverside Community Hall", "DM1 5EF", "Free", "First Tuesday of the month, 10am to 12 noon", null),
        ("Children's speech and language therapy", Health, "Assessment and therapy for children with speech, language or communication needs, and advice for their schools.", ["health"], [Sen2NeedType.SLCN, Sen2NeedType.ASD, Sen2NeedType.DS], 0, 18, "Demoshire Child Development Centre", "DM3 1GH", "Free", null, "Referral by a GP, health visitor, school or the family"),
        ("Children's occupational therapy", Health, "Help with everyday skills, sensory processing, equipment and adaptations.", ["health"], [Sen2NeedType.PD, Sen2NeedType.ASD, Sen2NeedType.MSI], 0, 18, "Demoshire Child Development Centre", "DM3 1GH", "Free", null, "Referral by a GP, school or another health professional"),
        ("Community paediatrics", Health, "Doctors who assess and support children with developmental needs and disabilities.", ["health"], [Sen2NeedType.ASD, Sen2NeedType.PD, Sen2NeedType.PMLD, Sen2NeedType.OTH], 0, 18, "Demoshire Child Development Centre", "DM3 1GH", "Free", null, "Referral by a GP or health visitor"),
        ("Children's continence service", Health, "Assessment, advice and products for children with continence needs.", ["health"], [Sen2NeedType.PD, Sen2NeedType.PMLD], 0, 18, "Demoshire Child Development Centre", "DM3 1GH", "Free", null, null),
        ("Getting help: child and adolescent mental health", MentalHealth, "Short-term help for anxiety, low mood and behaviour that worries the family.", ["health"], [Sen2NeedType.SEMH], 5, 18, "The Orchard Clinic", "DM2 7JK", "Free", null, "Referral by a GP, school or the family"),
        ("Mental health support teams in schools", MentalHealth, "Practitioners in schools who help pupils with mild to moderate mental health needs.", ["health", "education"], [Sen2NeedType.SEMH], 5, 18, null, null, "Free", "In term time, in the school", null),
        ("Autism outreach team", Council, "Specialist teachers who advise schools and families on including autistic pupils.", ["education"], [Sen2NeedType.ASD], 4, 16, null, null, "Free", null, "Through the child's school"),
        ("Sensory support service", Council, "Teachers of the deaf and of children with vision impairment, working in homes, settings and schools.", ["education", "health"], [Sen2NeedType.HI, Sen2NeedType.VI, Sen2NeedType.MSI], 0, 25, "Demoshire Child Development Centre", "DM3 1GH", "Free", null, null),
        ("Educational psychology service", Council, "Educational psychologists who advise on learning and development, including for EHC needs assessments.", ["education"], [Sen2NeedType.MLD, Sen2NeedType.SPLD, Sen2NeedType.SEMH, Sen2NeedType.ASD], 0, 25, null, null, "Free", null, "Through the child's school or setting, or the council"),
        ("Early years SEND inclusion team", Council, "Advice and training for nurseries and childminders including children with SEND.", ["education"], [Sen2NeedType.SLCN, Sen2NeedType.ASD, Sen2NeedType.DS], 0, 5, null, null, "Free", null, null),
        ("Portage home visiting", Council, "Home visits for pre-school children with complex needs, learning through play with the family.", ["education"], [Sen2NeedType.SLD, Sen2NeedType.PMLD, Sen2NeedType.DS], 0, 5, null, null, "Free", "A visit every week or fortnight", null),
        ("Home-to-school transport", Council, "Transport for eligible children with SEND to the school or college named in their plan.", ["education"], [], 4, 25, null, null, "Free for eligible children", null, "Children who cannot walk to school because of their SEN or disability, or who live beyond walking distance"),
        ("Supported internships", College, "A year of work placements with a job coach, for young people with an EHC plan who want paid work.", ["adulthood", "education"], [Sen2NeedType.MLD, Sen2NeedType.SLD, Sen2NeedType.ASD], 16, 24, "Demoshire College", "DM4 2LM", "Free", "Term time, 4 days a week", "Young people aged 16 to 24 with an EHC plan"),
        ("Independent living skills course", College, "Cooking, money, travel and staying safe, for young people preparing to live more independently.", ["adulthood", "education"], [Sen2NeedType.MLD, Sen2NeedType.SLD], 16, 25, "Demoshire College", "DM4 2LM", "Free", "Term time", null),
        ("Travel training", Council, "One-to-one training to travel to school, college or work on public transport.", ["adulthood"], [Sen2NeedType.MLD, Sen2NeedType.ASD, Sen2NeedType.SLD], 11, 25, null, null, "Free", null, null),
        ("Careers advice for young people with EHC plans", Council, "Personal careers guidance from year 9, in time for the preparing for adulthood review.", ["adulthood", "advice"], [], 13, 25, null, null, "Free", null, null),
        ("Wheelchair basketball club", Sports, "Fast, friendly basketball for wheelchair users of all abilities; sports chairs provided.", ["leisure"], [Sen2NeedType.PD], 8, 25, "Demoshire Leisure Centre", "DM1 3AB", "£3 a session", "Wednesdays 6pm to 7.30pm", null),
        ("Inclusive swimming sessions", Sports, "Quiet swimming sessions with extra lifeguards and changing places toilets.", ["leisure"], [Sen2NeedType.PD, Sen2NeedType.ASD, Sen2NeedType.SLD], 4, 25, "Demoshire Leisure Centre", "DM1 3AB", "£2.50, carers free", "Sundays 4pm to 5pm", null),
        ("SEND youth club", Play, "A youth club for young people with SEND: games, music, trips and friends.", ["leisure", "adulthood"], [Sen2NeedType.MLD, Sen2NeedType.ASD, Sen2NeedType.DS], 11, 25, "Riverside Community Hall", "DM1 5EF", "£2 a session", "Thursdays 6pm to 8pm", null),
        ("Sibling support group", "Young Carers Demoshire", "Time out and activities for brothers and sisters of disabled children.", ["social-care", "advice"], [], 7, 17, "The Hub, Market Street", "DM1 8NP", "Free", "Fortnightly on Mondays, 4.30pm to 6pm", null),
        ("Children with disabilities social work team", Council, "Assessments and support for disabled children and their families, including short breaks.", ["social-care"], [Sen2NeedType.PMLD, Sen2NeedType.SLD, Sen2NeedType.PD, Sen2NeedType.MSI], 0, 18, null, null, "Free", null, "Disabled children whose needs have a substantial effect on everyday life"),
        ("Direct payments support", "Shire Independent Living", "Help to set up and manage a personal budget or direct payments, including employing a personal assistant.", ["social-care", "advice"], [], 0, 25, null, null, "Free", null, "Families with a personal budget in an EHC plan or from social care"),
        ("Dyslexia family support", "Demoshire Dyslexia Association", "Meetings, advice and a lending library for families of children with dyslexia.", ["advice", "education"], [Sen2NeedType.SPLD], 6, 18, "Demoshire Library", "DM1 1AA", "Free", "Second Saturday of the month, 10am to 12 noon", null),
        ("Down syndrome family group", "Demoshire Down Syndrome Group", "Play sessions, speech and language groups and friendship for families.", ["advice", "leisure"], [Sen2NeedType.DS], 0, 25, "Riverside Community Hall", "DM1 5EF", "Free", "Saturdays 10am to 12 noon", null),
    ];

    public static async Task SeedAsync(OpenSendDbContext db, string laCode, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (await db.LocalOfferServices.AnyAsync(s => s.LaCode == laCode, cancellationToken))
        {
            return;
        }

        var providers = Providers.ToDictionary(p => p.Name, p => LocalOfferProvider.Create(LocalOfferTaxonomy.IdFor($"demo:provider:{p.Name}"), laCode, p.Name, p.Description, p.Email, null));
        db.LocalOfferProviders.AddRange(providers.Values);
        foreach (var s in Services)
        {
            var id = LocalOfferTaxonomy.IdFor($"demo:service:{s.Name}");
            var locations = s.Place is { } place
                ? new[] { new ServiceLocation(LocalOfferTaxonomy.IdFor($"demo:location:{place}"), LocalOfferTaxonomy.IdFor($"demo:at:{s.Name}"), LocationType.Physical, place, "1 High Street", "Demoshire", s.Postcode) }
                : [];
            db.LocalOfferServices.Add(LocalOfferService.Create(id, laCode, providers[s.Provider].Id, new LocalOfferService.Details(
                s.Name, s.Description, ServiceStatus.Active, null, providers[s.Provider].Email, null, s.Eligibility, s.Cost, s.Youngest, s.Oldest,
                locations,
                s.Cost is { } cost ? [new CostOption(LocalOfferTaxonomy.IdFor($"demo:cost:{s.Name}"), cost, null, null)] : [],
                s.When is { } when ? [new ServiceSchedule(LocalOfferTaxonomy.IdFor($"demo:when:{s.Name}"), when)] : [],
                [.. s.Kinds.Select(k => LocalOfferTaxonomy.Kind(k).Id), .. s.Needs.Select(n => LocalOfferTaxonomy.Need(n).Id)]), now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
