using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;

namespace OpenSend.Testing;

/// <summary>
/// Someone with the tables' owner's rights, as the tests of tamper evidence play them: the triggers
/// that keep the service's own connection from deleting or editing audit records are dropped first.
/// </summary>
public static class TablesOwner
{
    public static Task DropAuditTriggersAsync(OpenSendDbContext db) => db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql()
        ? "DROP TRIGGER audit_records_append_only ON audit_records; DROP TRIGGER audit_records_no_truncate ON audit_records;"
        : "DROP TRIGGER audit_records_no_delete; DROP TRIGGER audit_records_no_edit;");
}
