using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;
using OpenSend.Data.Notifications;

namespace OpenSend.Web.Pages.Development;

/// <summary>Development only (routes removed elsewhere): the queued emails, to read codes and links.</summary>
public sealed class OutboxModel(OpenSendDbContext db) : PageModel
{
    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];

    public async Task OnGetAsync() =>
        Messages = await db.Outbox.AsNoTracking().OrderByDescending(m => m.CreatedAt).Take(50).ToListAsync();
}
