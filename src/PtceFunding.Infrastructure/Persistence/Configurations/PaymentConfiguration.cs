namespace PtceFunding.Infrastructure.Persistence.Configurations;

/// <summary>
/// Installments are rows (finance views sum and filter them by funder, year and state); their payments are rows too,
/// one per idempotency key and installment. Recovery orders keep their settlements as JSON.
/// </summary>
internal sealed class InstallmentConfiguration : IEntityTypeConfiguration<Installment>
{
    public void Configure(EntityTypeBuilder<Installment> builder)
    {
        builder.ToTable("Installments");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Amount).HasPrecision(14, 2);
        builder.Property(i => i.CancelledAmount).HasPrecision(14, 2);
        builder.Property(i => i.PaidAmount).HasPrecision(14, 2);
        builder.Property(i => i.ReleasedBy).HasMaxLength(200);
        builder.Property(i => i.OrderReference).HasMaxLength(50);
        builder.Property(i => i.CancellationReason).HasMaxLength(300);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.OwedAmount);
        builder.Ignore(i => i.Remaining);
        builder.Ignore(i => i.IsReleased);
        builder.Ignore(i => i.IsUntouched);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(i => i.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Funder>().WithMany().HasForeignKey(i => i.FunderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Payments).WithOne().HasForeignKey(p => p.InstallmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(i => i.Payments).HasField("_payments").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(i => i.AgreementId);
        builder.HasIndex(i => new { i.FunderId, i.State });
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("Payments");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.IdempotencyKey).HasMaxLength(100).IsRequired();
        builder.Property(p => p.Amount).HasPrecision(14, 2);
        builder.Property(p => p.BankReference).HasMaxLength(100).IsRequired();
        // The same request twice (or fifty times at once) cannot record a second payment.
        builder.HasIndex(p => new { p.InstallmentId, p.IdempotencyKey }).IsUnique();
        builder.HasIndex(p => p.PaidOn);
    }
}

internal sealed class RecoveryOrderConfiguration : IEntityTypeConfiguration<RecoveryOrder>
{
    public void Configure(EntityTypeBuilder<RecoveryOrder> builder)
    {
        builder.ToTable("RecoveryOrders");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Amount).HasPrecision(14, 2);
        builder.Property(r => r.Reason).HasMaxLength(500).IsRequired();
        builder.Property(r => r.Reference).HasMaxLength(50);
        builder.Property(r => r.Settlements).HasField("_settlements").UsePropertyAccessMode(PropertyAccessMode.Field).HasJsonConversion();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.Recovered);
        builder.Ignore(r => r.Outstanding);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Funder>().WithMany().HasForeignKey(r => r.FunderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.AgreementId);
    }
}
