using PtceFunding.Domain.Reviews;

namespace PtceFunding.Web.Pages.Expertise;

/// <summary>The review workspace's composite phrases (single values are labelled by the presentation kit).</summary>
public static class ReviewText
{
    public static IReadOnlyList<ReviewOpinion> Opinions { get; } = Enum.GetValues<ReviewOpinion>();

    /// <summary>Where the expert stands on an assignment, as a short French phrase and a DSFR badge class.</summary>
    public static (string Text, string Badge) State(ConflictDeclaration declaration, ReviewOpinion? opinion) => (declaration, opinion) switch
    {
        (ConflictDeclaration.Conflict, _) => ("Déporté (conflit d'intérêts)", Badges.Error),
        (ConflictDeclaration.Pending, _) => ("Déclaration d'intérêts à faire", Badges.New),
        (_, { } given) => ($"Avis remis : {Labels.Of(given).ToLowerInvariant()}", Badges.Success),
        _ => ("Avis à rendre", Badges.Info),
    };
}
