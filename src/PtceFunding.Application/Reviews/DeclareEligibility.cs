namespace PtceFunding.Application.Reviews;

/// <summary>
/// The officer declares a complete application eligible, or ineligible with the reasons the
/// consortium is told (by e-mail and in the platform) and reads on its application.
/// </summary>
[Allow(Audience.ProgramOfficers)]
public sealed record DeclareEligibility(Guid Id, int? ExpectedVersion, bool Eligible, string? Reasons) : ICommand<Result<int>>, IVersioned;

internal sealed class DeclareEligibilityValidator : AbstractValidator<DeclareEligibility>
{
    public DeclareEligibilityValidator()
    {
        RuleFor(c => c.Reasons).NotEmpty().When(c => !c.Eligible)
            .WithMessage("Indiquez les motifs de l'inéligibilité : ils sont communiqués au consortium.");
        RuleFor(c => c.Reasons).MaximumLength(2000).WithMessage("Les motifs ne dépassent pas 2 000 caractères.");
    }
}

internal sealed class DeclareEligibilityHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<DeclareEligibility, Result<int>>
{
    public async ValueTask<Result<int>> Handle(DeclareEligibility request, CancellationToken cancellationToken) =>
        await db.ApplicationToReview(user, request.Id, request, cancellationToken)
            .Then(application => db.VersionAfter(application, application.DeclareEligibility(request.Eligible, request.Reasons, user.UserId!.Value, clock.GetUtcNow())))
            .ConfigureAwait(false);
}
