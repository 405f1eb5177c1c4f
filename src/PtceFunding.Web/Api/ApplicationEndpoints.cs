using PtceFunding.Application.Applications;
using PtceFunding.Domain.Applications;

namespace PtceFunding.Web.Api;

internal static class ApplicationEndpoints
{
    public sealed record ProjectBody(int? ExpectedVersion, string Title, string? Description, string? Territory, IReadOnlyList<string>? Sectors, DateOnly? StartDate, int? DurationYears);

    public sealed record ConsortiumBody(int? ExpectedVersion, IReadOnlyList<MemberInput> Members);

    public sealed record FinancingBody(int? ExpectedVersion, IReadOnlyList<ExpenseLine> Expenses, IReadOnlyList<ResourceInput> Resources, IReadOnlyList<RequestedAmountInput> RequestedAmounts);

    public sealed record IndicatorsBody(int? ExpectedVersion, IReadOnlyList<IndicatorCommitment> Indicators);

    public sealed record VersionBody(int? ExpectedVersion);

    public sealed record WithdrawBody(int? ExpectedVersion, string? Reason);

    public sealed record InviteBody(string Email);

    public static RouteGroupBuilder MapApplicationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/applications").WithTags("Candidatures");
        var consortium = group.MapGroup("").RequireAuthorization(Policies.Applicant);

        group.MapGet("/", async (ISender sender, CancellationToken ct) => (await sender.Send(new ListMyApplications(), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.ApplicationReaders)
            .WithSummary("Les dossiers que je peux consulter (ceux de mon consortium, ou de mon territoire une fois déposés).");

        group.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new GetApplication(id), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.ApplicationReaders)
            .ForPartners(PartnerScopes.FunderRead)
            .WithSummary("Un dossier complet, avec pour un brouillon la liste des points à compléter avant dépôt.");

        consortium.MapPost("/", async (StartApplication command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToHttp(id => TypedResults.Created($"/api/applications/{id}", new { id })))
            .WithSummary("Ouvre un brouillon de candidature au nom d'une organisation vérifiée (chef de file) ; rejouer la requête ne crée rien de plus.");

        consortium.MapPut("/{id:guid}/project", async (Guid id, ProjectBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new DescribeProject(id, body.ExpectedVersion, body.Title, body.Description ?? "", body.Territory ?? "", body.Sectors ?? [], body.StartDate, body.DurationYears), ct))
                .ToHttp(Saved(id)))
            .WithSummary("Enregistre la section « projet » d'un brouillon (409 si la version lue n'est plus la dernière).");

        consortium.MapPut("/{id:guid}/consortium", async (Guid id, ConsortiumBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ComposeConsortium(id, body.ExpectedVersion, body.Members), ct)).ToHttp(Saved(id)))
            .WithSummary("Enregistre la composition du consortium d'un brouillon.");

        consortium.MapPut("/{id:guid}/financing", async (Guid id, FinancingBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new PlanFinancing(id, body.ExpectedVersion, body.Expenses, body.Resources, body.RequestedAmounts), ct)).ToHttp(Saved(id)))
            .WithSummary("Enregistre le plan de financement pluriannuel et les montants demandés à chaque financeur.");

        consortium.MapPut("/{id:guid}/indicators", async (Guid id, IndicatorsBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new CommitToIndicators(id, body.ExpectedVersion, body.Indicators), ct)).ToHttp(Saved(id)))
            .WithSummary("Enregistre les indicateurs : valeur de départ et cible de chaque année.");

        consortium.MapPost("/{id:guid}/contributors", async (Guid id, InviteBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new InviteContributor(id, body.Email), ct)).ToHttp(TypedResults.NoContent))
            .WithSummary("Le chef de file invite un utilisateur d'un autre membre du consortium à contribuer au brouillon.");

        consortium.MapPost("/{id:guid}/submit", async (Guid id, VersionBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SubmitApplication(id, body.ExpectedVersion), ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Dépose le dossier : toutes les règles sont vérifiées et chaque manquement est renvoyé en une fois.");

        consortium.MapPost("/{id:guid}/withdraw", async (Guid id, WithdrawBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new WithdrawApplication(id, body.ExpectedVersion, body.Reason), ct)).ToHttp(Saved(id)))
            .WithSummary("Le chef de file retire le dossier avant décision.");

        consortium.MapPost("/{id:guid}/resubmit", async (Guid id, VersionBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ResubmitApplication(id, body.ExpectedVersion), ct)).ToHttp(Saved(id)))
            .WithSummary("Le chef de file redépose le dossier corrigé : toutes les règles sont vérifiées à nouveau et chaque manquement est renvoyé en une fois.");

        return api;
    }

    private static Func<int, Microsoft.AspNetCore.Http.IResult> Saved(Guid id) => version => TypedResults.Ok(new { id, version });
}
