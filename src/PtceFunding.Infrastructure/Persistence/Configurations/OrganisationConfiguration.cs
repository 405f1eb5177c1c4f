using PtceFunding.Infrastructure.Identity;

namespace PtceFunding.Infrastructure.Persistence.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("Organisations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Name).HasMaxLength(200).IsRequired();
        builder.Property(o => o.Siret).HasMaxLength(14);
        builder.Property(o => o.Rna).HasMaxLength(10);
        builder.Property(o => o.Street).HasMaxLength(300).IsRequired();
        builder.Property(o => o.PostalCode).HasMaxLength(5).IsRequired();
        builder.Property(o => o.City).HasMaxLength(100).IsRequired();
        builder.Property(o => o.CommuneCode).HasMaxLength(5).IsRequired();
        builder.Property(o => o.DepartmentCode).HasMaxLength(3).IsRequired();
        builder.Property(o => o.RegionCode).HasMaxLength(3).IsRequired();
        builder.Property(o => o.Version).IsConcurrencyToken();

        // One SIRET is one organisation, one RNA number too (several organisations may have neither).
        builder.HasIndex(o => o.Siret).IsUnique();
        builder.HasIndex(o => o.Rna).IsUnique();
        builder.HasIndex(o => o.RegionCode);
    }
}

internal sealed class OrganisationMembershipConfiguration : IEntityTypeConfiguration<OrganisationMembership>
{
    public void Configure(EntityTypeBuilder<OrganisationMembership> builder)
    {
        builder.ToTable("OrganisationMemberships");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Justification).HasMaxLength(1000).IsRequired();
        builder.Property(m => m.DecisionReason).HasMaxLength(1000);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.OrganisationId, m.UserId });
        builder.HasIndex(m => new { m.UserId, m.Status });
    }
}

internal sealed class OrganisationInvitationConfiguration : IEntityTypeConfiguration<OrganisationInvitation>
{
    public void Configure(EntityTypeBuilder<OrganisationInvitation> builder)
    {
        builder.ToTable("OrganisationInvitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Email).HasMaxLength(256).IsRequired();
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.IsAccepted);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.InvitedBy).OnDelete(DeleteBehavior.Restrict);

        // One invitation per organisation and address (inviting again renews it), found by its token's hash.
        builder.HasIndex(i => new { i.OrganisationId, i.Email }).IsUnique();
        builder.HasIndex(i => i.TokenHash).IsUnique();
    }
}

internal sealed class MembershipMandateConfiguration : IEntityTypeConfiguration<MembershipMandate>
{
    public void Configure(EntityTypeBuilder<MembershipMandate> builder)
    {
        builder.ToTable("MembershipMandates");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.FileName).HasMaxLength(255).IsRequired();
        builder.Property(m => m.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(m => m.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(m => m.StorageKey).HasMaxLength(200).IsRequired();
        builder.HasOne<OrganisationMembership>().WithMany().HasForeignKey(m => m.MembershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.MembershipId).IsUnique();
    }
}
