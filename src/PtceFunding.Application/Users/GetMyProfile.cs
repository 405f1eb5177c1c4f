namespace PtceFunding.Application.Users;

/// <summary>The signed-in user's own account: name, roles, funder and territory.</summary>
[Allow(Audience.SignedIn)]
public sealed record GetMyProfile : IQuery<Result<MyProfile>>;

public sealed record MyProfile(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, Guid? FunderId, string? FunderName, string Territory);

internal sealed class GetMyProfileHandler(IPtceDbContext db, ICurrentUser user) : IQueryHandler<GetMyProfile, Result<MyProfile>>
{
    public async ValueTask<Result<MyProfile>> Handle(GetMyProfile request, CancellationToken cancellationToken)
    {
        var me = await db.Users.AsNoTracking()
            .Where(u => u.Id == user.UserId)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.FunderId })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (me is null)
        {
            return Error.NotFound("user.not_found", "Ce compte n'existe plus.");
        }

        var funderName = me.FunderId is { } funderId
            ? await db.Funders.AsNoTracking().Where(f => f.Id == funderId).Select(f => f.Name).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            : null;
        var roles = Roles.All.Where(user.IsInRole).ToList();
        return new MyProfile(me.Id, me.Email ?? "", me.DisplayName, roles, me.FunderId?.Value, funderName, user.Territory.ToString());
    }
}
