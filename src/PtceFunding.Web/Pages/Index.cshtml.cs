using PtceFunding.Application.Calls;
using PtceFunding.Application.Users;
using PtceFunding.Domain.Users;

namespace PtceFunding.Web.Pages;

/// <summary>The public landing page, or the signed-in user's home page for their role.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public sealed record Card(string Title, string Description, string Link);

    public MyProfile? Profile { get; private set; }

    public string Headline { get; private set; } = "";

    public IReadOnlyList<Card> Cards { get; private set; } = [];

    /// <summary>For an administrator: the calls whose submitted applications wait for a session to be planned.</summary>
    public IReadOnlyList<UnscheduledApplications> Waiting { get; private set; } = [];

    public async Task OnGet(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var profile = await sender.Send(new GetMyProfile(), cancellationToken);
        if (!profile.IsSuccess)
        {
            return;
        }

        Profile = profile.Value;
        var role = Profile.Roles.Contains(Roles.Administrator) ? Roles.Administrator : Profile.Roles.Count > 0 ? Profile.Roles[0] : "";
        (Headline, Cards) = HomeFor(role);
        if (role == Roles.Administrator)
        {
            var waiting = await sender.Send(new CountUnscheduledApplications(), cancellationToken);
            Waiting = waiting.IsSuccess ? waiting.Value : [];
        }
    }

    private static (string, IReadOnlyList<Card>) HomeFor(string role) => role switch
    {
        Roles.Administrator => ("Espace administration : programmes, appels et sessions, financeurs, comptes des agents et journal d'audit.",
            [
                new("Appels", "Préparer, publier et clôturer les appels ; planifier les sessions du comité.", "/Admin/Calls"),
                new("Programmes", "Les programmes de financement sous lesquels les appels sont publiés.", "/Admin/Programmes"),
                new("Journal d'audit", "Chaque modification enregistrée : qui, quand, quoi.", "/Admin/Audit"),
            ]),
        Roles.ProgramOfficer => ("Espace chargé de mission : les dossiers de votre territoire, de la candidature au compte rendu.",
            [new("Mon compte", "Votre financeur et votre territoire.", "/")]),
        Roles.Reviewer => ("Espace expert : les dossiers qui vous sont confiés, après déclaration d'absence de conflit d'intérêts.",
            [new("Mon compte", "Votre financeur et vos affectations.", "/")]),
        Roles.CommitteeMember => ("Espace comité de sélection : ordres du jour et décisions des sessions.",
            [new("Mon compte", "Votre financeur et vos sessions.", "/")]),
        Roles.FinanceOfficer => ("Espace gestion financière : engagements juridiques, échéanciers et versements.",
            [new("Mon compte", "Votre financeur et votre territoire.", "/")]),
        _ => ("Espace porteur de projet : préparez et suivez les dossiers de votre PTCE.",
            [new("Mon compte", "Vos organisations et vos dossiers.", "/")]),
    };
}
