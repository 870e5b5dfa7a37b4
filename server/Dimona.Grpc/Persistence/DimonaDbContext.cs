using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Dimona.Grpc.Persistence;

/// <summary>
/// The schema and the read side's context. On SQLite it is this type, with its migrations in Persistence/Migrations;
/// on PostgreSQL <see cref="PostgreSqlDbContext"/>, the same model with its own migrations.
/// </summary>
public class DimonaDbContext(DbContextOptions<DimonaDbContext> options) : DbContext(options)
{
    public DbSet<EmployerRow> Employers => Set<EmployerRow>();
    public DbSet<DeclarationRow> Declarations => Set<DeclarationRow>();
    public DbSet<PeriodRow> Periods => Set<PeriodRow>();
    public DbSet<AuditRecordRow> AuditRecords => Set<AuditRecordRow>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<EmployerRow>(e =>
        {
            e.ToTable("Employers");
            e.Property(x => x.Name).HasMaxLength(96);
            e.Property(x => x.EnterpriseNumber).HasMaxLength(10);
            e.Property(x => x.OnssNumber).HasMaxLength(9);
            e.Property(x => x.ProvisionalOnssNumber).HasMaxLength(10);
            e.Property(x => x.Category).HasMaxLength(3);
            e.Property(x => x.NaceCodes).HasMaxLength(59);
            e.HasIndex(x => x.EnterpriseNumber).IsUnique();
            e.HasIndex(x => x.OnssNumber).IsUnique();
            e.HasIndex(x => x.ProvisionalOnssNumber).IsUnique();
        });
        model.Entity<DeclarationRow>(e =>
        {
            e.ToTable("Declarations");
            e.HasKey(x => x.DeclarationNumber);
            e.Property(x => x.DeclarationNumber).HasMaxLength(12);
            e.Property(x => x.RequestId).HasMaxLength(36);
            e.Property(x => x.Kind).HasMaxLength(8);
            e.Property(x => x.Status).HasMaxLength(24);
            e.Property(x => x.WorkerNiss).HasMaxLength(11);
            e.Property(x => x.PeriodId).HasMaxLength(12);
            e.Property(x => x.JointCommittee).HasMaxLength(3);
            e.Property(x => x.WorkerType).HasMaxLength(3);
            e.Property(x => x.IdentifiedNiss).HasMaxLength(11);
            if (Database.IsSqlite())
            {
                // SQLite has no time type: EF Core keeps the receive time as text but will not order or compare it. As
                // the same text (the form the writer stores, always UTC), it orders like the time it stands for.
                e.Property(x => x.ReceiveTime).HasConversion(v => DbText.Of(v), text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture));
            }
            e.HasIndex(x => new { x.EmployerId, x.RequestId }).IsUnique();
            // The personnel file, newest first. Not on the number too: the writer would insert at random places among
            // the declarations of one receive time (a batch message shares one); a page sorts that one group instead.
            e.HasIndex(x => new { x.EmployerId, x.ReceiveTime });
            // Partial indexes, so that the writer does not maintain them for the bulk of declarations: the pending ones
            // (the operators' list), and the OUT, UPDATE and CANCEL of a period (its history; an IN is found by number).
            e.HasIndex(x => new { x.ReceiveTime, x.DeclarationNumber }).HasDatabaseName("IX_Declarations_Pending").HasFilter("\"Status\" = 'Pending'");
            e.HasIndex(x => x.PeriodId).HasDatabaseName("IX_Declarations_Changes").HasFilter("\"Kind\" <> 'IN'");
            e.HasOne<EmployerRow>().WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<PeriodRow>(e =>
        {
            e.ToTable("Periods");
            e.HasKey(x => x.PeriodId);
            e.Property(x => x.PeriodId).HasMaxLength(12);
            e.Property(x => x.WorkerNiss).HasMaxLength(11);
            e.Property(x => x.JointCommittee).HasMaxLength(3);
            e.Property(x => x.WorkerType).HasMaxLength(3);
            e.Property(x => x.State).HasMaxLength(12);
            // A worker's periods: with one employer (the writer's overlap rules) and with all of them (the quotas).
            e.HasIndex(x => new { x.WorkerNiss, x.EmployerId });
            // The employer's periods, latest start first; not on the id too, for the same reason as above.
            e.HasIndex(x => new { x.EmployerId, x.StartDate });
            e.HasOne<EmployerRow>().WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<AuditRecordRow>(e =>
        {
            e.ToTable("AuditRecords");
            e.Property(x => x.Channel).HasMaxLength(9);
            e.Property(x => x.DeclarationNumber).HasMaxLength(12);
            e.Property(x => x.Action).HasMaxLength(16);
            e.Property(x => x.Outcome).HasMaxLength(24);
            if (Database.IsSqlite())
            {
                // As the receive time: text of one form, always UTC, so that it orders and compares like the time.
                e.Property(x => x.Time).HasConversion(v => DbText.Of(v), text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture));
            }
            // Who did what for an employer, in time order.
            e.HasIndex(x => new { x.EmployerId, x.Time });
            e.HasOne<EmployerRow>().WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
