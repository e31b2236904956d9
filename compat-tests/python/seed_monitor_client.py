"""Seed 002's MonitorClient, as the seed gives it (its "monitor.py"), kept here only as a test oracle.

sigil serve's monitoring stream must work with this client unchanged (issue 16): SeedClientCompatTest runs it
against a real `sigil serve` through seed_monitor_probe.py. The class below is the seed's text, not sigil's code;
do not edit it to make a test pass. Needs the websockets and rich packages (installed by .ci/run).
"""

import asyncio
import json
from typing import Optional

import websockets
from rich.console import Console
from rich.live import Live
from rich.table import Table
from rich.panel import Panel

console = Console()


class MonitorClient:
    """WebSocket client for real-time log monitoring."""

    def __init__(
        self,
        session_id: Optional[str] = None,
        component_filter: Optional[str] = None,
        level_filter: str = "info",
    ):
        self.session_id = session_id
        self.component_filter = component_filter
        self.level_filter = level_filter
        self.ws_url = "ws://localhost:8000/monitoring/v1/logs/stream"

        # State
        self.current_status = {
            "session_id": None,
            "current_operation": None,
            "current_component": None,
            "tokens_used": 0,
            "budget_remaining": 256000,
            "is_alive": False,
        }
        self.recent_logs = []
        self.errors = []

    async def connect(self):
        """Connect to the monitoring WebSocket."""
        params = []
        if self.session_id:
            params.append(f"session_id={self.session_id}")
        if self.component_filter:
            params.append(f"components={self.component_filter}")

        url = self.ws_url
        if params:
            url += "?" + "&".join(params)

        async with websockets.connect(url) as ws:
            # Send configuration
            config = {
                "type": "config",
                "filter": {
                    "levels": self._get_level_filter(),
                },
                "buffer_size": 10,
                "flush_interval_ms": 100,
                "heartbeat_interval_ms": 1000,
            }
            await ws.send(json.dumps(config))

            # Start receiving
            await self._receive_loop(ws)

    async def _receive_loop(self, ws):
        """Main receive loop for WebSocket messages."""
        with Live(self._render_dashboard(), refresh_per_second=4) as live:
            async for message in ws:
                data = json.loads(message)
                self._process_message(data)
                live.update(self._render_dashboard())

    def _process_message(self, data: dict):
        """Process incoming WebSocket message."""
        msg_type = data.get("type")

        if msg_type == "heartbeat":
            self.current_status.update(data.get("heartbeat", {}))

        elif msg_type == "log":
            for entry in data.get("entries", []):
                self._process_log_entry(entry)

        elif msg_type == "buffer_flush":
            for entry in data.get("entries", []):
                self._process_log_entry(entry)

        elif msg_type == "error":
            self.errors.append(data.get("error"))

    def _process_log_entry(self, entry: dict):
        """Process a single log entry."""
        # Add to recent logs (keep last 20)
        self.recent_logs.append(entry)
        if len(self.recent_logs) > 20:
            self.recent_logs.pop(0)

        # Track errors
        if entry.get("level") in ("error", "critical"):
            self.errors.append({
                "timestamp": entry.get("timestamp"),
                "component": entry.get("component"),
                "message": entry.get("message"),
            })

        # Update status from tokens_used
        if entry.get("budget_snapshot"):
            snapshot = entry["budget_snapshot"]
            self.current_status["tokens_used"] = snapshot.get("used", 0)
            self.current_status["budget_remaining"] = snapshot.get("remaining", 256000)

        if entry.get("operation"):
            self.current_status["current_operation"] = entry["operation"]
            self.current_status["current_component"] = entry["component"]

    def _render_dashboard(self) -> Panel:
        """Render the monitoring dashboard."""
        # Status table
        status_table = Table(title="Execution Status", expand=True)
        status_table.add_column("Metric", style="cyan")
        status_table.add_column("Value", style="green")

        status_table.add_row(
            "Session",
            self.current_status.get("session_id") or "Waiting..."
        )
        status_table.add_row(
            "Status",
            "[green]Active[/green]" if self.current_status.get("is_alive") else "[yellow]Idle[/yellow]"
        )
        status_table.add_row(
            "Current Operation",
            self.current_status.get("current_operation") or "-"
        )
        status_table.add_row(
            "Current Component",
            self.current_status.get("current_component") or "-"
        )

        # Budget display
        tokens_used = self.current_status.get("tokens_used", 0)
        budget_remaining = self.current_status.get("budget_remaining", 256000)
        percentage = (tokens_used / 256000) * 100

        budget_color = "green"
        if percentage > 80:
            budget_color = "red"
        elif percentage > 50:
            budget_color = "yellow"

        status_table.add_row(
            "Tokens Used",
            f"[{budget_color}]{tokens_used:,}[/{budget_color}] / 256,000 ({percentage:.1f}%)"
        )
        status_table.add_row(
            "Budget Remaining",
            f"{budget_remaining:,}"
        )

        # Recent logs table
        logs_table = Table(title="Recent Logs", expand=True)
        logs_table.add_column("Time", width=12)
        logs_table.add_column("Level", width=8)
        logs_table.add_column("Component", width=12)
        logs_table.add_column("Operation", width=20)
        logs_table.add_column("Tokens", width=8)
        logs_table.add_column("Message", overflow="fold")

        for log in self.recent_logs[-10:]:
            level = log.get("level", "info")
            level_style = {
                "debug": "dim",
                "info": "blue",
                "warning": "yellow",
                "error": "red",
                "critical": "red bold",
            }.get(level, "white")

            tokens = ""
            if log.get("tokens_used"):
                tokens = str(log["tokens_used"].get("total_tokens", ""))

            logs_table.add_row(
                log.get("timestamp", "")[-12:-5],  # HH:MM:SS
                f"[{level_style}]{level.upper()}[/{level_style}]",
                log.get("component", ""),
                log.get("operation", ""),
                tokens,
                log.get("message", "")[:50],
            )

        # Combine into dashboard
        from rich.layout import Layout
        layout = Layout()
        layout.split_column(
            Layout(status_table, name="status", size=10),
            Layout(logs_table, name="logs"),
        )

        return Panel(layout, title="[bold]Sigil v2 Monitor[/bold]", border_style="blue")

    def _get_level_filter(self) -> list[str]:
        """Get log levels based on filter setting."""
        all_levels = ["trace", "debug", "info", "warning", "error", "critical"]
        try:
            idx = all_levels.index(self.level_filter)
            return all_levels[idx:]
        except ValueError:
            return all_levels[2:]  # Default to info and above
