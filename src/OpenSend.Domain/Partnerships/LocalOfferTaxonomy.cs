using System.Security.Cryptography;
using System.Text;
using OpenSend.Domain.Plans;

namespace OpenSend.Domain.Partnerships;

/// <summary>A taxonomy the local offer's services are described by (Open Referral UK's taxonomy).</summary>
public sealed record Taxonomy(Guid Id, string Name, string Description, string? Uri, string? Version);

/// <summary>One term of a taxonomy (Open Referral UK's taxonomy_term): a kind of service, or a need served.</summary>
public sealed record TaxonomyTerm(Guid Id, Guid TaxonomyId, string Name, string Description, string Code, Guid? ParentId = null);

/// <summary>
/// OpenSEND's own two taxonomies, which every local offer uses so a family can search any area's
/// offer the same way: the kinds of service a local offer must cover (Children and Families Act
/// 2014 s.30, with the SEND Code of Practice 2015 chapter 4: education, health, social care
/// including short breaks, leisure, advice, and preparing for adulthood), and the needs served, as SEN2's need types, so a service can be
/// matched to the primary need in a child's plan. Their ids are derived from their codes and never
/// change, so another directory's links to them hold. Terms loaded from another directory keep
/// their own taxonomies beside these.
/// </summary>
public static class LocalOfferTaxonomy
{
    // First: the taxonomies below are made from it as the class is initialised, in the order written.
    private static readonly Guid Namespace = new("3b0f4c52-6d6e-4d8e-9a51-0e5e4d1f7a10");

    public static readonly Taxonomy ServiceKinds = new(IdFor("taxonomy:service-kinds"), "OpenSEND local offer: kinds of service",
        "What a service is for, as a local offer must cover (Children and Families Act 2014 s.30; SEND Code of Practice 2015 chapter 4).", null, "1");

    public static readonly Taxonomy NeedsServed = new(IdFor("taxonomy:sen2-need-types"), "SEN2 need types",
        "The areas of need the DfE's SEN2 return and the school census record.", null, "2025");

    public static IReadOnlyList<Taxonomy> Taxonomies { get; } = [ServiceKinds, NeedsServed];

    /// <summary>The kinds of service, by code.</summary>
    public static IReadOnlyList<TaxonomyTerm> Kinds { get; } =
    [
        Kind("education", "Education", "Schools, colleges, early years and the support they give"),
        Kind("health", "Health", "Therapies, community health, child and adolescent mental health"),
        Kind("social-care", "Social care", "Care and support for children and families"),
        Kind("short-breaks", "Short breaks and respite", "Time away for disabled children and a break for their families (Breaks for Carers of Disabled Children Regulations 2011)"),
        Kind("leisure", "Leisure and activities", "Clubs, sport, play and holiday activities"),
        Kind("advice", "Information, advice and support", "Including the SEND information, advice and support service (SENDIASS)"),
        Kind("adulthood", "Preparing for adulthood", "Employment, independent living, friends and community, and good health"),
    ];

    /// <summary>The needs served: one term per SEN2 need type, coded as SEN2 codes it.</summary>
    public static IReadOnlyList<TaxonomyTerm> Needs { get; } =
        [.. Enum.GetValues<Sen2NeedType>().Select(n => new TaxonomyTerm(IdFor($"need:{n}"), NeedsServed.Id, PlanReading.NeedTypeName(n), $"SEN2 need type {n}", n.ToString()))];

    public static IReadOnlyList<TaxonomyTerm> Terms { get; } = [.. Kinds, .. Needs];

    public static TaxonomyTerm Kind(string code) => Kinds.Single(k => k.Code == code);

    public static TaxonomyTerm Need(Sen2NeedType need) => Needs.Single(n => n.Code == need.ToString());

    private static TaxonomyTerm Kind(string code, string name, string description) => new(IdFor($"kind:{code}"), ServiceKinds.Id, name, description, code);

    /// <summary>A name-based UUID (RFC 9562 version 5, SHA-1) in OpenSEND's own namespace: the same code always gives the same id.</summary>
    public static Guid IdFor(string name)
    {
        var hash = SHA1.HashData([.. Namespace.ToByteArray(bigEndian: true), .. Encoding.UTF8.GetBytes(name)]);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
