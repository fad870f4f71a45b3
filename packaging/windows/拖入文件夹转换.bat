@echo off
rem Drop a folder on this file: jixiao writes the folder's summary workbook and review page into
rem it (their Chinese names chosen by jixiao itself). ASCII only: cmd.exe reads a batch file in
rem the console's code page, which differs from one Windows to another.
"%~dp0jixiao.exe" convert "%~1" --summary-in-folder
pause
