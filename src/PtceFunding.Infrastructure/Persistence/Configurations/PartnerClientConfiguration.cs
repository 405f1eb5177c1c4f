namespace PtceFunding.Infrastructure.Persistence.Configurations;

internal sealed class PartnerClientConfiguration : IEntityTypeConfiguration<PartnerClient>
{
    public void Configure(EntityTypeBuilder<PartnerClient> builder)
    {
        builder.ToTable("PartnerClients");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.ClientId).HasMaxLength(100).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.ClientId).IsUnique();
        builder.HasOne<Funder>().WithMany().HasForeignKey(c => c.FunderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Identity.AppUser>().WithMany().HasForeignKey(c => c.ServiceUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
