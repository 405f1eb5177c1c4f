using PtceFunding.Domain.Reviews;

namespace PtceFunding.Web.Pages.Expertise;

/// <summary>French labels of the review workspace.</summary>
public static class ReviewText
{
    public static IReadOnlyList<ReviewOpinion> Opinions { get; } = Enum.GetValues<ReviewOpinion>();

    public static string Label(ReviewOpinion opinion) => opinion switch
    {
        ReviewOpinion.Favourable => "Favorable",
        ReviewOpinion.Reserved => "Réservé",
        ReviewOpinion.Unfavourable => "Défavorable",
        _ => opinion.ToString(),
    };

    /// <summary>Where the expert stands on an assignment, as a short French phrase and a DSFR badge class.</summary>
    public static (string Text, string Badge) State(ConflictDeclaration declaration, ReviewOpinion? opinion) => (declaration, opinion) switch
    {
        (ConflictDeclaration.Conflict, _) => ("Déporté (conflit d'intérêts)", "fr-badge--error"),
        (ConflictDeclaration.Pending, _) => ("Déclaration d'intérêts à faire", "fr-badge--new"),
        (_, { } given) => ($"Avis remis : {Label(given).ToLowerInvariant()}", "fr-badge--success"),
        _ => ("Avis à rendre", "fr-badge--info"),
    };
}
