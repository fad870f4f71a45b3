@echo off
rem 把一个文件夹拖到本文件上：其中所有绩效目标表汇总为该文件夹中的 汇总.xlsx，检查结果为 审核.html。
if "%~1"=="" (
  echo 请把一个装有 .docx 文件的文件夹拖到本文件上。
  pause
  exit /b 2
)
"%~dp0jixiao.exe" convert "%~1" --to xlsx --with-findings -o "%~1\汇总.xlsx"
"%~dp0jixiao.exe" check "%~1" --format html -o "%~1\审核.html"
echo.
echo 完成：%~1\汇总.xlsx 和 %~1\审核.html
pause
