using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenSend.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PhaseTransferBeforeTheDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Reg 18(1) says "before" 15 February and 31 March: reviews scheduled on those days are due the day before.
            migrationBuilder.Sql("""
                UPDATE annual_reviews
                SET due_by = CASE WHEN due_by = phase_transfer_due_by THEN due_by - 1 ELSE due_by END,
                    phase_transfer_due_by = phase_transfer_due_by - 1
                WHERE phase_transfer IS NOT NULL AND phase_transfer <> 'Post16ToPost16'
                  AND to_char(phase_transfer_due_by, 'MM-DD') IN ('02-15', '03-31');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE annual_reviews
                SET due_by = CASE WHEN due_by = phase_transfer_due_by THEN due_by + 1 ELSE due_by END,
                    phase_transfer_due_by = phase_transfer_due_by + 1
                WHERE phase_transfer IS NOT NULL AND phase_transfer <> 'Post16ToPost16'
                  AND to_char(phase_transfer_due_by, 'MM-DD') IN ('02-14', '03-30');
                """);
        }
    }
}
