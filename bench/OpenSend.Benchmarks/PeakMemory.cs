using System.Diagnostics;

namespace OpenSend.Benchmarks;

/// <summary>
/// The process's peak resident memory since the last <see cref="Reset"/>. On Linux, writing 5 to
/// /proc/self/clear_refs resets the high-water mark (VmHWM), so each scenario gets its own peak in
/// one process; elsewhere the figure is the peak since the process started.
/// </summary>
public static class PeakMemory
{
    public static void Reset()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not permitted: the figure falls back to the process's lifetime peak.
        }
    }

    public static long ReadBytes()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null)
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException)
        {
        }

        return Process.GetCurrentProcess().PeakWorkingSet64;
    }
}
