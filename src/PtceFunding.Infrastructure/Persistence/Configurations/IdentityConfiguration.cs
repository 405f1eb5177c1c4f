using Microsoft.AspNetCore.Identity;
using PtceFunding.Infrastructure.Identity;

namespace PtceFunding.Infrastructure.Persistence.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        builder.Property(u => u.IsServiceAccount).HasDefaultValue(false);
        builder.HasOne<Funder>().WithMany().HasForeignKey(u => u.FunderId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The platform's roles are reference data, created by the initial migration.</summary>
internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole<Guid>>
{
    public static IReadOnlyList<IdentityRole<Guid>> Seed { get; } =
    [
        Role(Roles.Applicant, "0196a000-0000-7000-8000-000000000001"),
        Role(Roles.ProgramOfficer, "0196a000-0000-7000-8000-000000000002"),
        Role(Roles.Reviewer, "0196a000-0000-7000-8000-000000000003"),
        Role(Roles.CommitteeMember, "0196a000-0000-7000-8000-000000000004"),
        Role(Roles.FinanceOfficer, "0196a000-0000-7000-8000-000000000005"),
        Role(Roles.Administrator, "0196a000-0000-7000-8000-000000000006"),
    ];

    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> builder) => builder.HasData(Seed);

    private static IdentityRole<Guid> Role(string name, string id) => new()
    {
        Id = Guid.Parse(id),
        Name = name,
        NormalizedName = name.ToUpperInvariant(),
        ConcurrencyStamp = id,
    };
}
