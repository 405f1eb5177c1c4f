namespace PtceFunding.Application.Users;

/// <summary>The account an officer names by its e-mail address (to designate an expert), or 404.</summary>
[Allow(Audience.ProgramOfficers)]
public sealed record FindAccountByEmail(string Email) : IQuery<Result<Guid>>;

internal sealed class FindAccountByEmailHandler(IPtceDbContext db) : IQueryHandler<FindAccountByEmail, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(FindAccountByEmail request, CancellationToken cancellationToken)
    {
        var normalized = request.Email?.Trim().ToUpperInvariant() ?? "";
        var id = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return id is { } found
            ? found
            : Error.NotFound("user.not_found", "Aucun compte ne porte cette adresse : l'expert doit avoir un compte d'expert sur la plateforme.");
    }
}
